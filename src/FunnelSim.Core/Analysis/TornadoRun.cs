namespace FunnelSim.Analysis;

/// <summary>How a tornado was computed; with the scenario it reproduces the tornado exactly.</summary>
/// <param name="Method">Exact expectation or simulation.</param>
/// <param name="Iterations">Iterations per bar end; 0 for the exact expectation.</param>
/// <param name="Seed">Master seed (of the simulation; an exact expectation does not depend on it).</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Threads">Worker threads used (does not change results).</param>
/// <param name="ElapsedSeconds">Wall-clock time.</param>
public sealed record TornadoRun(TornadoMethod Method, long Iterations, ulong Seed, string EngineVersion, int Threads, double ElapsedSeconds);
