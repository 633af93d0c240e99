namespace FunnelSim.Analysis;

/// <summary>How a tornado was computed; with the scenario it reproduces the tornado exactly.</summary>
/// <param name="Iterations">Iterations per bar end.</param>
/// <param name="Seed">Master seed.</param>
/// <param name="EngineVersion">Engine version.</param>
/// <param name="Threads">Worker threads used (does not change results).</param>
/// <param name="ElapsedSeconds">Wall-clock time.</param>
public sealed record TornadoRun(long Iterations, ulong Seed, string EngineVersion, int Threads, double ElapsedSeconds);
