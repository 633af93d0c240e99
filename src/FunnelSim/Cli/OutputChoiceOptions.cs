using System.CommandLine;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Cli;

/// <summary>
/// The options that choose outputs of the results: <c>--metric</c>, <c>--indication</c>, <c>--year</c>. One output for
/// tornado and drivers (<see cref="ForOneOutput"/>); the rows of compare's printed table (<see cref="ForTable"/>).
/// </summary>
internal sealed class OutputChoiceOptions
{
    private readonly Func<ParseResult, string[]?> _metrics;
    private readonly string[] _defaultMetrics;

    private OutputChoiceOptions(Option metric, Func<ParseResult, string[]?> metrics, string[] defaultMetrics, string indicationDescription,
        string yearDescription)
    {
        Metric = metric;
        _metrics = metrics;
        _defaultMetrics = defaultMetrics;
        Indication = new Option<string>("--indication", "-i")
        {
            Description = indicationDescription,
            HelpName = "ID|total",
            DefaultValueFactory = _ => OutputSelection.Total,
        };
        Year = new Option<int?>("--year", "-y")
        {
            Description = yearDescription,
            HelpName = "YEAR",
            CustomParser = CommandLineNumbers.OptionalInt("--year", 1, 9999),
        };
    }

    /// <summary><c>--metric</c>: one name (<see cref="ForOneOutput"/>) or any number (<see cref="ForTable"/>).</summary>
    public Option Metric { get; }

    public Option<string> Indication { get; }

    public Option<int?> Year { get; }

    /// <summary>Exactly one output: <c>--metric</c> is required and given once.</summary>
    public static OutputChoiceOptions ForOneOutput()
    {
        var metric = new Option<string>("--metric", "-m")
        {
            Description = "The output's results metric, e.g. treatedNew, identified, tested, doses, a step id such as " +
                          "payer-approved, or with costs a money metric such as budgetImpact, costDrug or pmpm (see the metric " +
                          "list in README or any results file).",
            HelpName = "NAME",
            Required = true,
        };
        return new(metric, parse => [parse.GetRequiredValue(metric)], [],
            "An indication id from the scenario (e.g. nsclc, pdac, cca), or 'total' for the sum over indications.",
            "Calendar year of the output (default: the last year of the horizon).");
    }

    /// <summary>The rows of a comparison table: any number of metrics (default <paramref name="defaultMetrics"/>).</summary>
    public static OutputChoiceOptions ForTable(string[] defaultMetrics)
    {
        var metrics = new Option<string[]>("--metric", "-m")
        {
            Description = "Metric(s) of the printed table, counts or money (e.g. budgetImpact, costDrug, pmpm); repeat for more " +
                          "(default: " + string.Join(", ", defaultMetrics) + ", and with costs in both scenarios costWith, " +
                          "costWithout, budgetImpact and pmpm).",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = false,
        };
        return new(metrics, parse => parse.GetValue(metrics) is { Length: > 0 } m ? m : null, defaultMetrics,
            "Indication of the printed table: an id both scenarios have, or 'total' (the sum over each scenario's indications).",
            "Calendar year of the printed table (default: the last year both scenarios cover).");
    }

    public void AddTo(Command command)
    {
        command.Add(Metric);
        command.Add(Indication);
        command.Add(Year);
    }

    /// <summary>The metrics given, or the defaults when none was.</summary>
    public string[] Metrics(ParseResult parse) => _metrics(parse) ?? _defaultMetrics;

    /// <summary>The metrics given; null when none was (the caller chooses defaults).</summary>
    public string[]? GivenMetrics(ParseResult parse) => _metrics(parse);

    /// <summary>The indication id given, or <c>total</c>.</summary>
    public string IndicationOf(ParseResult parse) => parse.GetValue(Indication) ?? OutputSelection.Total;

    /// <summary>The one output chosen (year unresolved when none was given).</summary>
    public OutputSelection Read(ParseResult parse) => new(Metrics(parse)[0], IndicationOf(parse), parse.GetValue(Year));

    /// <summary>
    /// Checks every chosen output against <paramref name="model"/> and writes the first problem as
    /// <c>funnelsim COMMAND: [prefix]problem</c>; false when there was one (a usage error).
    /// </summary>
    public static bool Check(CliContext context, string command, CompiledModel model, IEnumerable<OutputSelection> outputs,
        string prefix = "")
    {
        foreach (var output in outputs)
        {
            if (output.Check(model) is not { } problem) continue;
            context.Error.WriteLine($"funnelsim {command}: {prefix}{problem}");
            return false;
        }
        return true;
    }
}
