using System.Globalization;
using System.Runtime.ExceptionServices;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Export;

/// <summary>
/// A run that also writes its per-iteration draws (issue 14 §3): one row per iteration × indication (and total) × year
/// with the chosen metrics, and the value every uncertain input drew in that iteration (the draws <c>drivers</c> ranks).
/// The rows are written while the run goes, in iteration order, in bounded memory, and the same bytes for any thread
/// count; the run's results are those of <see cref="Simulator.Run(CompiledModel, RunOptions, IProgress{RunProgress}?, CancellationToken, TimeProvider?)"/>,
/// and summarising the file's rows gives them exactly (means and sd; percentiles type 7 where the results' are exact).
/// </summary>
public static class DrawsRun
{
    /// <summary>Metadata keys of a Parquet file's footer.</summary>
    public const string MetadataPrefix = "funnelsim.";

    /// <summary>The metrics written when none are chosen: identified, treatedNew, onTreatment, doses and, with costs,
    /// costWith, costWithout, budgetImpact.</summary>
    public static IReadOnlyList<string> DefaultMetrics(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return DrawColumns.DefaultMetrics(model.HasCosts);
    }

    /// <summary>
    /// Null when every name in <paramref name="metrics"/> is a results metric of some indication or of the total in
    /// <paramref name="model"/>; else what is wrong, with a "did you mean" where a name is close.
    /// </summary>
    public static string? CheckMetrics(CompiledModel model, IReadOnlyList<string> metrics) => DrawColumns.Check(model, metrics);

    /// <summary>The column names of the draws of <paramref name="metrics"/> (default: <see cref="DefaultMetrics"/>), in file order.</summary>
    public static IReadOnlyList<string> ColumnNames(CompiledModel model, IReadOnlyList<string>? metrics = null)
    {
        var columns = DrawColumns.Create(model, metrics ?? DefaultMetrics(model));
        return ["iteration", "indication", "year", .. columns.Metrics.Select(m => m.Name), .. columns.Inputs.Select(i => i.Path)];
    }

    /// <summary>
    /// Runs <paramref name="model"/> as <see cref="Simulator"/> does and writes the draws of <paramref name="metrics"/>
    /// (default: <see cref="DefaultMetrics"/>; they must pass <see cref="CheckMetrics"/>) to <paramref name="output"/>, which
    /// must be seekable for Parquet. Throws <see cref="OperationCanceledException"/> when cancelled: the stream then holds
    /// an incomplete file, which the caller discards (write through an atomic file).
    /// </summary>
    public static SimulationResult Run(CompiledModel model, RunOptions options, Stream output, DrawsFormat format,
        IReadOnlyList<string>? metrics = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var columns = DrawColumns.Create(model, metrics ?? DefaultMetrics(model));
        var writer = DrawsWriter.Create(format, output, columns, Metadata(model, options));
        // A few completed blocks may wait for a slow one: enough that workers rarely wait, few enough to bound memory.
        var sequencer = new DrawsSequencer(columns, writer, options.EffectiveThreads + 2, cancellationToken);
        SimulationResult result;
        try
        {
            result = Simulator.Run(model, options, sequencer.CreateRecorder, progress, cancellationToken, time);
        }
        catch (AggregateException e) when (e.InnerExceptions.Where(x => x is not OperationCanceledException).ToArray() is [var cause])
        {
            // One worker failed (the file could not be written); the others stopped because of it.
            ExceptionDispatchInfo.Capture(cause).Throw();
            throw;
        }
        if (sequencer.Written != options.Iterations)
            throw new InvalidOperationException($"{sequencer.Written} of {options.Iterations} iterations reached the draws file");
        writer.Finish();
        return result;
    }

    /// <summary>What a Parquet footer records: enough to rerun the draws (nothing from the clock or the machine).</summary>
    private static Dictionary<string, string> Metadata(CompiledModel model, RunOptions options)
    {
        var scenario = model.Scenario with
        {
            Simulation = model.Scenario.Simulation with { Iterations = options.Iterations, Seed = options.Seed },
        };
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataPrefix + "scenario"] = scenario.Name ?? "",
            [MetadataPrefix + "scenarioSha256"] = ScenarioHash.OfCanonical(scenario),
            [MetadataPrefix + "seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            [MetadataPrefix + "iterations"] = options.Iterations.ToString(CultureInfo.InvariantCulture),
            [MetadataPrefix + "sampling"] = FormatNames.Of(scenario.Simulation.Sampling),
            [MetadataPrefix + "engineVersion"] = Simulator.EngineVersion,
        };
        if (scenario.Costs?.Currency is { } currency) metadata[MetadataPrefix + "currency"] = currency;
        return metadata;
    }
}
