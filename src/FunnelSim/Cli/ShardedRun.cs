using FunnelSim.Compilation;
using FunnelSim.Model;
using FunnelSim.Shards;

namespace FunnelSim.Cli;

/// <summary>Runs one shard for <c>run</c> or <c>budget</c> and writes its partial file.</summary>
internal static class ShardedRun
{
    public static int Execute(CliContext context, string command, Scenario scenario, Shard shard, int threads, string? outPath,
        CancellationToken cancellationToken)
    {
        long total = scenario.Simulation.Iterations;
        if (shard.Count > total)
        {
            context.Error.WriteLine($"funnelsim {command}: --shard {shard}: {shard.Count:N0} shards of {total:N0} iterations would " +
                                    $"leave some shards without iterations; use at most {total:N0} shards.");
            return ExitCodes.UsageError;
        }
        var model = ModelCompiler.Compile(scenario);
        var partial = AnalysisOutput.WithProgress(context, $"shard {shard}",
            progress => ShardRun.Run(model, shard, command, threads, progress, cancellationToken));
        string target = outPath ?? OutputTarget.StandardOutput;
        if (!OutputTarget.Write(context, target, PartialJson.Write(partial))) return ExitCodes.InvalidInput;
        if (outPath is not null)
            OutputTarget.ReportWritten(context, outPath, $"shard {shard}: iterations {partial.FirstIteration:N0} to " +
                                                         $"{partial.EndIteration - 1:N0} of {total:N0} in {partial.ElapsedSeconds:0.00} s");
        return ExitCodes.Success;
    }
}
