using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Cli;

/// <summary><c>--precision P</c> and <c>--max-iterations N</c>: run until the results are precise enough.</summary>
internal sealed class PrecisionOptions
{
    public Option<double?> Precision { get; } = new("--precision", "-p")
    {
        Description = "Keep adding iterations (in chunks) until the Monte Carlo standard error of treatedNew, in every " +
                      "indication × year and in the total's years, is at most this share of its mean (cells with mean 0 " +
                      "are ignored), or --max-iterations is reached. A percentage ('0.5%') or a fraction ('0.005'). The " +
                      "iterations used and why the run stopped go to standard error and to run.convergence in the results; " +
                      "the results equal a plain run with that many iterations and the same seed. Monte Carlo sampling " +
                      "only: with Latin hypercube sampling the count is fixed up front. Not with --iterations.",
        HelpName = "P",
        CustomParser = ParsePrecision,
    };

    public Option<long?> MaxIterations { get; } = new("--max-iterations")
    {
        Description = $"Cap on the iterations of a --precision run (default {PrecisionTarget.DefaultMaxIterations:N0}; " +
                      $"at most {SimulationSettings.MaxIterations:N0}).",
        HelpName = "N",
        CustomParser = CommandLineNumbers.Whole("--max-iterations", 1, SimulationSettings.MaxIterations),
    };

    /// <summary>Adds the options, refusing <c>--iterations</c> (from <paramref name="common"/>) together with <c>--precision</c>.</summary>
    public void AddTo(Command command, CommonOptions common)
    {
        command.Add(Precision);
        command.Add(MaxIterations);
        command.Validators.Add(result =>
        {
            bool precision = result.GetResult(Precision) is not null;
            if (!precision && result.GetResult(MaxIterations) is not null)
                result.AddError("--max-iterations caps a --precision run; give --precision too, or use --iterations.");
            if (precision && result.GetResult(common.Iterations) is not null)
                result.AddError("--precision chooses the iteration count itself; cap it with --max-iterations instead of --iterations.");
        });
    }

    /// <summary>The precision target asked for, or null for a run of fixed length.</summary>
    public PrecisionTarget? Read(ParseResult parse) =>
        parse.GetValue(Precision) is double share
            ? new PrecisionTarget(share, parse.GetValue(MaxIterations) ?? PrecisionTarget.DefaultMaxIterations)
            : null;

    private static double? ParsePrecision(ArgumentResult result)
    {
        string raw = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        bool percent = raw.EndsWith('%');
        string number = percent ? raw[..^1].TrimEnd() : raw;
        if (!CommandLineNumbers.TryParse(number, out decimal exact))
        {
            result.AddError($"--precision must be a percentage such as 0.5% or a fraction such as 0.005; got '{Shown.Text(raw)}'.");
            return null;
        }
        double value = (double)exact;
        double share = percent ? value / 100 : value;
        if (!percent && value >= 1)
        {
            result.AddError($"--precision {raw} would be {value * 100:0.###}% of the mean; did you mean {raw}%? " +
                            "Give a percentage such as 0.5% or a fraction below 1 such as 0.005.");
            return null;
        }
        if (!(share > 0 && share < 1))
        {
            result.AddError($"--precision must be above 0% and below 100%; got '{Shown.Text(raw)}'.");
            return null;
        }
        return share;
    }
}
