using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FunnelSim.Calibration;

namespace FunnelSim.Cluster;

/// <summary>
/// The calibration problems a worker has seen (compiled scenario, likelihoods, prior), so the chunks of every stage of one
/// calibration build it once.
/// </summary>
internal sealed class CalibrationProblems(ModelCache models)
{
    private const int Capacity = 4;
    private readonly ConcurrentDictionary<string, Lazy<CalibrationProblem>> _problems = new(StringComparer.Ordinal);

    public CalibrationProblem Get(CalibrationChunkWork work)
    {
        if (_problems.Count >= Capacity) _problems.Clear();
        return _problems.GetOrAdd(Key(work), _ => new Lazy<CalibrationProblem>(() =>
            CalibrationProblem.Build(models.Get(work.ScenarioJson), [.. work.Observations.Select(o => o.ToObservation())], work.Seed))).Value;
    }

    private static string Key(CalibrationChunkWork work)
    {
        var key = new StringBuilder(work.ScenarioJson.Length + 64 * work.Observations.Length + 32);
        key.Append(work.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var o in work.Observations)
            key.Append(CultureInfo.InvariantCulture, $"{o.Indication}\t{o.Year}\t{o.Metric}\t{o.Value}\t{o.Fraction:R}\t{o.Path}\n");
        return key.Append(work.ScenarioJson).ToString();
    }
}
