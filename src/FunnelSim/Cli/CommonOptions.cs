using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Cli;

/// <summary>Options shared by the commands that run scenarios. Out-of-range values are usage errors (exit 2).</summary>
internal sealed class CommonOptions
{
    public const int MaxThreads = 256;

    public Option<long?> Iterations { get; } = new("--iterations", "-n")
    {
        Description = "Monte Carlo iterations, overriding the scenario's simulation.iterations " +
                      $"(1 to {SimulationSettings.MaxIterations:N0}; '200000', '200_000', '200,000' and '2e5' all work).",
        HelpName = "N",
        CustomParser = CommandLineNumbers.Whole("--iterations", SimulationSettings.MinIterations, SimulationSettings.MaxIterations),
    };

    public Option<long?> Seed { get; } = new("--seed", "-s")
    {
        Description = $"Master seed, overriding simulation.seed (0 to {SimulationSettings.MaxSeed:N0}). " +
                      "Same scenario and seed give the same results on any thread count.",
        HelpName = "S",
        CustomParser = CommandLineNumbers.Whole("--seed", 0, (long)SimulationSettings.MaxSeed),
    };

    public Option<long?> Threads { get; } = new("--threads", "-t")
    {
        Description = $"Worker threads (1 to {MaxThreads}; default: all {Environment.ProcessorCount} cores). Never changes results.",
        HelpName = "T",
        CustomParser = CommandLineNumbers.Whole("--threads", 1, MaxThreads),
    };

    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "Result format: json (default), csv, or xlsx (an Excel workbook; needs --out). With --out ending in .csv or .xlsx, " +
                      "that format is the default.",
        HelpName = "json|csv|xlsx",
    };

    public Option<OverlaySetting[]> Set { get; } = new("--set")
    {
        Description = "Change the scenario before it runs, as an overlay's \"set\" does: PATH=VALUE, PATH in the sweep path " +
                      "syntax (an indication, step or modality may be named by its id in brackets), VALUE any JSON value " +
                      "(text that is not JSON is a string). Repeatable; applied in order, after the file's own changes. " +
                      "Example: --set indications[pdac].testing.uptake.value=0.7",
        HelpName = "PATH=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = ParseSettings,
    };

    public CommonOptions() => Format.AcceptOnlyFromAmong("json", "csv", "xlsx");

    public void AddTo(Command command)
    {
        command.Add(Iterations);
        command.Add(Seed);
        command.Add(Threads);
        command.Add(Format);
        command.Add(Set);
    }

    /// <summary>The <c>--set</c> changes, in command-line order (empty when none).</summary>
    public IReadOnlyList<OverlaySetting> Settings(ParseResult parse) => parse.GetValue(Set) ?? [];

    /// <summary>The scenario with the command-line overrides applied (after it was validated as written).</summary>
    public Scenario Apply(ParseResult parse, Scenario scenario)
    {
        long? iterations = parse.GetValue(Iterations);
        long? seed = parse.GetValue(Seed);
        if (iterations is null && seed is null) return scenario;
        return scenario with
        {
            Simulation = scenario.Simulation with
            {
                Iterations = iterations ?? scenario.Simulation.Iterations,
                Seed = seed is long s ? (ulong)s : scenario.Simulation.Seed,
            },
        };
    }

    public int ThreadCount(ParseResult parse) => (int)(parse.GetValue(Threads) ?? 0);

    private static OverlaySetting[] ParseSettings(ArgumentResult result)
    {
        var settings = new List<OverlaySetting>();
        foreach (var token in result.Tokens)
        {
            if (OverlaySetting.FromCommandLine(token.Value, out string? error) is { } setting) settings.Add(setting);
            else result.AddError(error!);
        }
        return [.. settings];
    }
}
