using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Summaries;

// The budget-impact metrics: money in currency units, PMPM, and the probability of exceeding the threshold.
internal static partial class ResultBuilder
{
    private static void AddBudget(Dictionary<string, MetricSummary> summaries, CompiledModel model, CompiledBudget budget, RunState state,
        int group, int year)
    {
        var money = state.Money!;
        string[] metrics = budget.MetricsOf(group);
        for (int m = 0; m < metrics.Length; m++)
        {
            var summary = SummarizeMoney(money, budget.Cell(group, year, m));
            if (m == BudgetMetric.ImpactPerTreated) summary = summary with { Iterations = money.Count(budget.Cell(group, year, m)) };
            summaries[metrics[m]] = summary;
            // PMPM is the budget impact over member-months: the same distribution, scaled exactly.
            if (m == BudgetMetric.ImpactPerTreated && budget.Members is { } members)
                summaries[MetricNames.Pmpm] = Divided(summaries[MetricNames.BudgetImpact], members * 12);
        }
        if (budget.Threshold is not null)
            summaries[MetricNames.ProbabilityExceedsThreshold] = Summarize(state.Exceedances!, group * model.Years + year);
    }

    /// <summary>
    /// Mean and sd from exact 128-bit sums of cents (the same bits however the iterations were split); percentiles from
    /// the log-bucket sketch (within 0.1%), min and max exact. In currency units.
    /// </summary>
    internal static MetricSummary SummarizeMoney(MoneyAccumulators money, int cell)
    {
        long n = money.Count(cell);
        if (n == 0) return new MetricSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Int128 sum = money.Sum(cell);
        double mean = (double)sum / n;
        double sd = 0;
        if (n > 1)
        {
            Int128 numerator = n * money.SumOfSquares(cell) - sum * sum;
            sd = Math.Sqrt((double)numerator / ((double)n * (n - 1)));
        }
        var (min, max) = money.Range(cell);
        double[] q = money.Sketch(cell).Quantiles(MetricSummary.Probabilities, min, max);
        var cents = new MetricSummary(mean, sd, sd / Math.Sqrt(n), q[0], q[1], q[2], q[3], q[4], q[5], q[6], min, max);
        return Divided(cents, 100);
    }

    /// <summary>Every value of <paramref name="s"/> divided by <paramref name="divisor"/> (cents to currency units, impact to PMPM).</summary>
    internal static MetricSummary Divided(MetricSummary s, double divisor) => s with
    {
        Mean = s.Mean / divisor,
        Sd = s.Sd / divisor,
        Mcse = s.Mcse / divisor,
        P5 = s.P5 / divisor,
        P10 = s.P10 / divisor,
        P25 = s.P25 / divisor,
        P50 = s.P50 / divisor,
        P75 = s.P75 / divisor,
        P90 = s.P90 / divisor,
        P95 = s.P95 / divisor,
        Min = s.Min / divisor,
        Max = s.Max / divisor,
    };
}
