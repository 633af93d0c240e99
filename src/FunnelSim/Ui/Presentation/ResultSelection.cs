using FunnelSim.Rendering;
using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// Which indication (or the total), which year and which metric the result pages show; shared by all pages (the
/// metric by the histogram and the drivers tab).
/// </summary>
public sealed class ResultSelection
{
    /// <summary>The id of the total over indications.</summary>
    public const string Total = "total";

    /// <summary>Raised when the indication or year changes.</summary>
    public event EventHandler? Changed;

    /// <summary>Selected indication id, or <see cref="Total"/>.</summary>
    public string Indication { get; private set; } = "";

    /// <summary>Selected year index (0 = start year).</summary>
    public int YearIndex { get; private set; }

    /// <summary>Selected metric (F4 cycles), one of <see cref="FunnelMetrics.Histogram"/>.</summary>
    public FunnelMetric Metric { get; private set; } = FunnelMetrics.Histogram.Single(m => m.Name == MetricNames.TreatedNew);

    /// <summary>
    /// Moves to the next (or previous) metric, wrapping: the funnel's metrics and, when <paramref name="result"/> has
    /// costs, the budget impact, the cost with BIZENGRI and (for a plan) PMPM.
    /// </summary>
    public void NextMetric(int step = 1, SimulationResult? result = null)
    {
        var metrics = Metrics(result);
        int at = Math.Max(0, metrics.FindIndex(m => m.Name == Metric.Name));
        Metric = metrics[((at + step) % metrics.Count + metrics.Count) % metrics.Count];
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The metrics F4 cycles through for <paramref name="result"/>.</summary>
    public static List<FunnelMetric> Metrics(SimulationResult? result)
    {
        var year = result?.Total.Years is { Count: > 0 } years ? years[0].Metrics : null;
        return [.. FunnelMetrics.Histogram, .. FunnelMetrics.Money.Where(m => year?.ContainsKey(m.Name) == true)];
    }

    /// <summary>
    /// The selection as the analyses' output in <paramref name="scenario"/>: the selected metric, indication (the first
    /// one before any result fitted the selection) and year (clamped to the horizon).
    /// </summary>
    public OutputSelection ToOutput(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string indication = Indication.Length > 0 ? Indication : scenario.Indications.Length > 0 ? scenario.Indications[0].Id : Total;
        int year = scenario.StartYear + Math.Clamp(YearIndex, 0, Math.Max(0, scenario.Years - 1));
        return new OutputSelection(Metric.Name, indication, year);
    }

    /// <summary>The groups a result offers: its indications, then the total.</summary>
    public static IReadOnlyList<string> Groups(SimulationResult result) => [.. result.Indications.Select(i => i.Id), Total];

    /// <summary>Keeps the selection valid for <paramref name="result"/> (first indication, first year by default).</summary>
    public void Fit(SimulationResult result)
    {
        var groups = Groups(result);
        if (!groups.Contains(Indication)) Indication = groups[0];
        YearIndex = Math.Clamp(YearIndex, 0, result.Total.Years.Count - 1);
    }

    /// <summary>Moves to the next (or previous) indication, wrapping.</summary>
    public void NextIndication(SimulationResult result, int step = 1)
    {
        var groups = Groups(result);
        int at = Math.Max(0, groups.ToList().IndexOf(Indication));
        Indication = groups[((at + step) % groups.Count + groups.Count) % groups.Count];
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Moves to the next (or previous) year, wrapping.</summary>
    public void NextYear(SimulationResult result, int step = 1)
    {
        int years = result.Total.Years.Count;
        YearIndex = ((YearIndex + step) % years + years) % years;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Selects an indication by id.</summary>
    public void Select(string indication, int yearIndex)
    {
        Indication = indication;
        YearIndex = yearIndex;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>A label such as <c>PDAC 2028</c>.</summary>
    public string Describe(SimulationResult result)
    {
        Fit(result);
        string name = Indication == Total ? "All indications" : Indication.ToUpperInvariant();
        return $"{name}, {result.Total.Years[YearIndex].Year}";
    }
}
