using System.Text.RegularExpressions;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Tests.Shared;

namespace FunnelSim.Cluster.Tests;

/// <summary>
/// A small scenario and observed counts whose calibration takes seconds, with an on-treatment count so the simulated
/// (approximate Bayesian computation) likelihood is used: the expensive path, 100 simulated histories per evaluation.
/// </summary>
internal static partial class Calibrations
{
    public const string ScenarioJson = SmallCalibration.ScenarioJson;

    public const string ObservedJson = SmallCalibration.ObservedJson;

    public static (CompiledModel Model, IReadOnlyList<Observation> Observations) Small()
    {
        var loaded = ScenarioReader.Read(ScenarioJson);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var model = ModelCompiler.Compile(loaded.Scenario!);
        var observed = ObservedCounts.Read(ObservedJson, model);
        Assert.True(observed.IsValid, string.Join("\n", observed.Diagnostics));
        return (model, observed.Observations!);
    }

    /// <summary>Everything a calibration writes (the posterior scenario and the report), without the time it took.</summary>
    public static string Written(CalibrationResult result) =>
        PosteriorScenario.Write(result, "observed.json", new DateOnly(2026, 12, 6)) + "\n" +
        Elapsed().Replace(CalibrationJson.Write(result, "test"), "");

    [GeneratedRegex(@"""elapsedSeconds"": [^,\n]*")]
    private static partial Regex Elapsed();
}

/// <summary>Progress reported synchronously.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
