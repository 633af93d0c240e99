using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Summaries;

/// <summary>
/// A run that also sums chosen metrics over the horizon per iteration (<see cref="HorizonTotals"/>). Its
/// <see cref="SimulationResult"/> is the plain run's (<see cref="Simulator"/>, with an <see cref="IterationObserver"/> per
/// worker): the sums come from the same iterations, at no extra simulation.
/// </summary>
public static class HorizonRun
{
    /// <summary>Counts summed over the years: new starts and doses (patients on treatment are not summed: a patient counts in each year).</summary>
    public static readonly IReadOnlyList<string> CountMetrics = [MetricNames.TreatedNew, MetricNames.Doses];

    /// <summary>Money summed over the years (with costs): drug sales at list price.</summary>
    public static readonly IReadOnlyList<string> MoneyMetrics = [MetricNames.CostDrug];

    /// <summary>Runs <paramref name="model"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static (SimulationResult Result, HorizonTotals Horizon) Run(CompiledModel model, RunOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var layout = new Layout(model);
        var observers = new List<Observer>();
        var result = Simulator.Run(model, options, () =>
        {
            var observer = new Observer(layout);
            lock (observers) observers.Add(observer);
            return observer;
        }, progress, cancellationToken, time);
        // Exact integer sums and bucket counts: the merge order cannot change a bit.
        for (int w = 1; w < observers.Count; w++) observers[0].Merge(observers[w]);
        return (result, layout.Summarize(model, observers[0]));
    }

    /// <summary>Per group (indications, then the total) and summed metric, the cell of each year; -1 where a metric is absent.</summary>
    private sealed class Layout
    {
        public Layout(CompiledModel model)
        {
            int groups = model.Indications.Length + 1;
            Groups = groups;
            Counts = new int[groups * CountMetrics.Count][];
            for (int g = 0; g < groups; g++)
            {
                string[] metrics = model.MetricsOf(g);
                for (int m = 0; m < CountMetrics.Count; m++)
                {
                    int index = Array.IndexOf(metrics, CountMetrics[m]);
                    Counts[g * CountMetrics.Count + m] = Enumerable.Range(0, model.Years)
                        .Select(t => index < 0 ? -1 : model.GroupOffsets[g] + t * metrics.Length + index).ToArray();
                }
            }
            if (model.Budget is not { } budget) return;
            Money = new int[groups * MoneyMetrics.Count][];
            for (int g = 0; g < groups; g++)
            {
                string[] metrics = budget.MetricsOf(g);
                for (int m = 0; m < MoneyMetrics.Count; m++)
                {
                    int index = Array.IndexOf(metrics, MoneyMetrics[m]);
                    Money[g * MoneyMetrics.Count + m] = Enumerable.Range(0, model.Years)
                        .Select(t => index < 0 ? -1 : budget.Cell(g, t, index)).ToArray();
                }
            }
        }

        public int Groups { get; }
        public int[][] Counts { get; }
        public int[][]? Money { get; }

        public HorizonTotals Summarize(CompiledModel model, Observer sums)
        {
            var groups = new List<IReadOnlyDictionary<string, MetricSummary>>();
            for (int g = 0; g < Groups; g++)
            {
                var summaries = new Dictionary<string, MetricSummary>(StringComparer.Ordinal);
                for (int m = 0; m < CountMetrics.Count; m++)
                    if (Counts[g * CountMetrics.Count + m][0] >= 0)
                        summaries[CountMetrics[m]] = ResultBuilder.Summarize(sums.Counts, g * CountMetrics.Count + m);
                if (Money is not null)
                    for (int m = 0; m < MoneyMetrics.Count; m++)
                        if (Money[g * MoneyMetrics.Count + m][0] >= 0)
                            summaries[MoneyMetrics[m]] = ResultBuilder.SummarizeMoney(sums.Money!, g * MoneyMetrics.Count + m);
                groups.Add(summaries);
            }
            var indications = new Dictionary<string, IReadOnlyDictionary<string, MetricSummary>>(StringComparer.Ordinal);
            for (int g = 0; g < model.Indications.Length; g++) indications[model.Indications[g].Id] = groups[g];
            return new HorizonTotals(indications, groups[^1]);
        }
    }

    /// <summary>One worker's per-iteration sums over the years, fed by the plain run's loop.</summary>
    private sealed class Observer : IterationObserver
    {
        private readonly Layout _layout;
        private readonly long[] _counts;
        private readonly long[] _money;

        public Observer(Layout layout)
        {
            _layout = layout;
            _counts = new long[layout.Counts.Length];
            Counts = new CellAccumulators(_counts.Length);
            _money = new long[layout.Money?.Length ?? 0];
            Money = layout.Money is null ? null : new MoneyAccumulators(_money.Length);
        }

        public CellAccumulators Counts { get; }
        public MoneyAccumulators? Money { get; }

        public override void BeginBlock(long first, long count)
        {
        }

        public override void Observe(long iteration, IterationRunner runner)
        {
            Sum(runner.CellValues, _layout.Counts, _counts);
            Counts.Add(_counts);
            if (Money is null) return;
            Sum(runner.Costs!.Values, _layout.Money!, _money);
            Money.Add(_money);
        }

        public override void EndBlock()
        {
            Counts.Flush();
            Money?.Flush();
        }

        public override void Abandon()
        {
        }

        private static void Sum(ReadOnlySpan<long> values, int[][] cells, long[] sums)
        {
            for (int j = 0; j < cells.Length; j++)
            {
                long sum = 0;
                foreach (int cell in cells[j]) if (cell >= 0) sum += values[cell];
                sums[j] = sum;
            }
        }

        public void Merge(Observer other)
        {
            Counts.Merge(other.Counts);
            Money?.Merge(other.Money!);
        }
    }
}
