using System.CommandLine;

namespace FunnelSim.Cli;

/// <summary><c>--cluster FILE</c>: run the shards on the workers of an Orleans cluster instead of in this process.</summary>
internal sealed class ClusterOptions
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Fan the work out as shards to the FunnelSim workers of the cluster FILE names (start them with 'funnelsim " +
                      "worker --cluster FILE') and merge their results in shard order: exactly the results of running here. " +
                      "--threads then means threads per shard on each worker. See docs/scale-out.md.",
        HelpName = "FILE",
    };

    /// <summary>Adds the option, refusing it with <c>--precision</c>, <c>--shard</c> and <c>--draws</c>.</summary>
    public void AddTo(Command command, PrecisionOptions? precision = null, ShardOptions? shard = null)
    {
        command.Add(Cluster);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Cluster) is null) return;
            if (precision is not null && result.GetResult(precision.Precision) is not null)
                result.AddError("--cluster cannot be combined with --precision: a precision run decides its own length. Give --iterations instead.");
            if (shard is not null && result.GetResult(shard.Shard) is not null)
                result.AddError("--cluster splits the run into shards itself; --shard is for running one shard by hand.");
            // The per-iteration draws are written by the process that runs the iterations, here: not on the workers.
            // (calibrate's --draws counts particles: a number, not a file; it goes with --cluster.)
            if (command.Options.FirstOrDefault(o => o.Name == "--draws") is Option<string?> draws && result.GetResult(draws) is not null)
                result.AddError("--cluster cannot be combined with --draws: the draws are written where the iterations run. " +
                                "Run without --cluster to write them.");
        });
    }
}
