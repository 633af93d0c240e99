using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Summaries;

/// <summary>Turns merged accumulators into <see cref="MetricSummary"/> records.</summary>
internal static partial class ResultBuilder
{
    public static SimulationResult Build(CompiledModel model, RunInfo run, RunState state)
    {
        var indications = new List<IndicationResult>();
        for (int g = 0; g < model.Indications.Length; g++)
            indications.Add(new IndicationResult(model.Indications[g].Id, model.Indications[g].Name, Years(model, g, state)));
        var total = new TotalResult(Years(model, model.Indications.Length, state));
        var scenario = model.Scenario with
        {
            Simulation = model.Scenario.Simulation with { Iterations = run.Iterations, Seed = run.Seed },
        };
        return new SimulationResult(scenario, run, indications, total);
    }

    private static List<YearResult> Years(CompiledModel model, int group, RunState state)
    {
        var cells = state.Cells;
        string[] metrics = model.MetricsOf(group);
        var years = new List<YearResult>();
        for (int t = 0; t < model.Years; t++)
        {
            var summaries = new Dictionary<string, MetricSummary>(metrics.Length);
            for (int m = 0; m < metrics.Length; m++)
                summaries[metrics[m]] = Summarize(cells, model.Layout.Cell(group, t, m));
            if (model.Budget is { } budget) AddBudget(summaries, model, budget, state, group, t);
            years.Add(new YearResult(model.Scenario.StartYear + t, summaries));
        }
        return years;
    }

    /// <summary>
    /// Mean and variance from exact integer sums: the variance numerator n·Σx² − (Σx)² is computed exactly in
    /// 128-bit integers, so the result is the same bits however the iterations were split. Percentiles are exact, or,
    /// for a cell whose values spanned more than the exact bound, from a sketch (then marked approximate).
    /// </summary>
    internal static MetricSummary Summarize(CellAccumulators cells, int cell)
    {
        long n = cells.Iterations;
        long sum = cells.Sum(cell);
        double mean = (double)sum / n;
        double sd = 0;
        if (n > 1)
        {
            Int128 numerator = n * cells.SumOfSquares(cell) - (Int128)sum * sum;
            sd = Math.Sqrt((double)numerator / ((double)n * (n - 1)));
        }
        var histogram = cells.Histogram(cell);
        double[] q = histogram.Quantiles(MetricSummary.Probabilities);
        var (min, max) = histogram.Range();
        var summary = new MetricSummary(mean, sd, sd / Math.Sqrt(n), q[0], q[1], q[2], q[3], q[4], q[5], q[6], min, max);
        // Said only where it applies, so exact results keep their exact shape.
        return histogram.IsApproximate
            ? summary with { Approximate = true, RelativeAccuracy = LogBucketSketch.RelativeAccuracy }
            : summary;
    }
}
