using System.CommandLine;
using FunnelSim.Analysis;

namespace FunnelSim.Cli;

/// <summary>The options that choose one output of the results: <c>--metric</c>, <c>--indication</c>, <c>--year</c>.</summary>
internal sealed class OutputChoiceOptions
{
    public Option<string> Metric { get; } = new("--metric", "-m")
    {
        Description = "The output's results metric, e.g. treatedNew, identified, tested, doses, or a step id such as " +
                      "payer-approved (see the metric list in README or any results file).",
        HelpName = "NAME",
        Required = true,
    };

    public Option<string> Indication { get; } = new("--indication", "-i")
    {
        Description = "An indication id from the scenario (e.g. nsclc, pdac, cca), or 'total' for the sum over indications.",
        HelpName = "ID|total",
        DefaultValueFactory = _ => DriversOutput.Total,
    };

    public Option<int?> Year { get; } = new("--year", "-y")
    {
        Description = "Calendar year of the output (default: the last year of the horizon).",
        HelpName = "YEAR",
    };

    public void AddTo(Command command)
    {
        command.Add(Metric);
        command.Add(Indication);
        command.Add(Year);
    }

    public DriversOutput Read(ParseResult parse) =>
        new(parse.GetRequiredValue(Metric), parse.GetValue(Indication) ?? DriversOutput.Total, parse.GetValue(Year));
}
