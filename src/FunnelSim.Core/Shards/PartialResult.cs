using FunnelSim.Engine;
using FunnelSim.Model;

namespace FunnelSim.Shards;

/// <summary>
/// One shard's mergeable state and what it must agree on with the other shards of its run: the scenario as run (and the
/// SHA-256 of its canonical form), seed, total iterations, sampling, engine version, and which shard K of N it is.
/// <see cref="PartialJson"/> writes and reads it (the partial file, docs/scale-out.md); <see cref="PartialMerge"/>
/// merges a complete set into exactly the result of the unsplit run.
/// </summary>
public sealed class PartialResult
{
    internal PartialResult(string command, Scenario scenario, string scenarioSha256, string sampling, string engineVersion,
        Shard shard, int threads, double elapsedSeconds, RunState state)
    {
        Command = command;
        Scenario = scenario;
        ScenarioSha256 = scenarioSha256;
        Sampling = sampling;
        EngineVersion = engineVersion;
        Shard = shard;
        Threads = threads;
        ElapsedSeconds = elapsedSeconds;
        State = state;
    }

    /// <summary>The command that ran the shard (<c>run</c> or <c>budget</c>); both merge into the full results.</summary>
    public string Command { get; }

    /// <summary>The scenario as run (command-line overrides applied); its seed and iterations are the run's.</summary>
    public Scenario Scenario { get; }

    /// <summary>Lower-case hex SHA-256 of the scenario's canonical form (see <see cref="Export.ScenarioHash.OfCanonical"/>).</summary>
    public string ScenarioSha256 { get; }

    /// <summary>Master seed of the whole run.</summary>
    public ulong Seed => Scenario.Simulation.Seed;

    /// <summary>Iterations of the whole run (all shards).</summary>
    public long Iterations => Scenario.Simulation.Iterations;

    /// <summary>Sampling method, as written in results (<c>monte-carlo</c>, <c>latin-hypercube</c>).</summary>
    public string Sampling { get; }

    /// <summary>Engine version that ran the shard.</summary>
    public string EngineVersion { get; }

    /// <summary>Which shard (K of N).</summary>
    public Shard Shard { get; }

    /// <summary>First global iteration of the shard.</summary>
    public long FirstIteration => Shard.First(Iterations);

    /// <summary>One past the last global iteration of the shard.</summary>
    public long EndIteration => Shard.End(Iterations);

    /// <summary>Worker threads the shard ran on (never changes a result).</summary>
    public int Threads { get; }

    /// <summary>Wall-clock time of the shard.</summary>
    public double ElapsedSeconds { get; }

    /// <summary>The exact, mergeable summaries of the shard's iterations.</summary>
    internal RunState State { get; }
}
