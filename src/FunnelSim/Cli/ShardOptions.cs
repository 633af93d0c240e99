using System.CommandLine;
using System.CommandLine.Parsing;
using FunnelSim.Shards;

namespace FunnelSim.Cli;

/// <summary><c>--shard K/N</c>: run one shard of a run and write its partial file for <c>funnelsim merge</c>.</summary>
internal sealed class ShardOptions
{
    public Option<Shard?> Shard { get; } = new("--shard")
    {
        Description = "Run only shard K of N (K from 0 to N−1): the iterations [⌊total·K/N⌋, ⌊total·(K+1)/N⌋) of the run, and " +
                      "write a partial file (JSON, to --out or standard output) instead of results. 'funnelsim merge' turns the " +
                      "N partial files into exactly the results of the unsplit run. See docs/scale-out.md.",
        HelpName = "K/N",
        CustomParser = Parse,
    };

    /// <summary>Adds the option, refusing it with <c>--precision</c> and with <c>--format csv</c>.</summary>
    public void AddTo(Command command, CommonOptions common, PrecisionOptions? precision = null)
    {
        command.Add(Shard);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Shard) is null) return;
            if (precision is not null && result.GetResult(precision.Precision) is not null)
                result.AddError("--shard cannot be combined with --precision: a precision run decides its own length, so it " +
                                "cannot be split into shards up front. Give --iterations instead.");
            if (result.GetValue(common.Format) is string format && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
                result.AddError("--shard writes a partial file, which is always JSON; 'funnelsim merge … --format csv' writes CSV.");
        });
    }

    private static Shard? Parse(ArgumentResult result)
    {
        string raw = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Shards.Shard.TryParse(raw, out var shard, out string error)) return shard;
        result.AddError($"--shard: {error}.");
        return null;
    }
}
