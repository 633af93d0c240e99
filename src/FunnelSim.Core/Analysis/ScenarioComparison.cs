using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Analysis;

/// <summary>
/// Compares two scenarios iteration by iteration with common random numbers: iteration k of both draws from the
/// streams of <c>(seed, k)</c>, keyed by the stable ids of parameters and steps, so an input the scenarios share
/// takes the same value in both and the difference B − A carries only the effect of what changed. Identical
/// scenarios give a difference of exactly zero in every iteration. With costs in both, money is compared too: A and B
/// as a run reports them, and B − A per iteration in whole cents (a signed log-bucket sketch for its percentiles, within
/// 0.1%; exact sums for mean and sd), reported in currency units; iterations where either side has no value (a
/// per-treated amount with nobody treated) are left out of that difference and counted. PMPM's difference is the budget
/// impact's divided by member-months, as PMPM itself is, when both plans have the same members.
/// </summary>
public static class ScenarioComparison
{
    /// <summary>Compiles and compares two validated scenarios with <paramref name="options"/>' iterations and seed.</summary>
    public static ComparisonResult Run(Scenario a, Scenario b, RunOptions options, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(ModelCompiler.Compile(a), ModelCompiler.Compile(b), options, progress, cancellationToken);

    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static ComparisonResult Run(CompiledModel a, CompiledModel b, RunOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null) =>
        Run(a, b, options, null, progress, cancellationToken, time);

    /// <summary>
    /// Compares the recorded baseline with <paramref name="b"/>: a complete recording is replayed (A is not simulated
    /// again); an empty one is filled while A is simulated and is complete when this returns. The result is the same as
    /// <see cref="Run(CompiledModel, CompiledModel, RunOptions, IProgress{RunProgress}?, CancellationToken, TimeProvider?)"/>'s.
    /// </summary>
    public static ComparisonResult Run(BaselineRecording a, CompiledModel b, RunOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(options);
        if (!a.Matches(a.Model, options))
            throw new ArgumentException("the recording was made with other iterations or another seed", nameof(options));
        var result = Run(a.Model, b, options, a, progress, cancellationToken, time);
        a.Complete();
        return result;
    }

    private static ComparisonResult Run(CompiledModel a, CompiledModel b, RunOptions options, BaselineRecording? recording,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        long started = time.GetTimestamp();

        var layout = ComparisonLayout.Create(a, b);
        var runners = BlockScheduler.Run(options.Iterations, options.EffectiveThreads,
            () => new ComparisonRunner(a, b, layout, options.Seed, options.Iterations, recording),
            (runner, first, count) => runner.Run(first, count), progress, cancellationToken);
        for (int w = 1; w < runners.Length; w++) runners[0].Merge(runners[w]);

        var run = new RunInfo(options.Iterations, options.Seed, Sampling(a, b), Simulator.EngineVersion, runners.Length,
            time.GetElapsedTime(started).TotalSeconds);
        return Build(a, b, layout, runners[0], run);
    }

    private static ComparisonResult Build(CompiledModel a, CompiledModel b, ComparisonLayout layout, ComparisonRunner sums, RunInfo run)
    {
        var indications = new List<IndicationComparison>();
        TotalComparison? total = null;
        foreach (var group in layout.Groups)
        {
            var years = group.Years.Select(y => new YearComparison(y.Year, y.Metrics.ToDictionary(
                m => m.Metric, m => Compare(a, b, layout, sums, group, y, m), StringComparer.Ordinal))).ToList();
            if (group.Id is null) total = new TotalComparison(years);
            else indications.Add(new IndicationComparison(group.Id, group.Name, years));
        }
        return new ComparisonResult(Echo(a, run), Echo(b, run), run, indications, total!);
    }

    private static MetricComparison Compare(CompiledModel a, CompiledModel b, ComparisonLayout layout, ComparisonRunner sums,
        ComparisonLayout.Group group, ComparisonLayout.YearPairs year, ComparisonLayout.ComparedMetric metric)
    {
        int pair = metric.Pair;
        switch (metric.Kind)
        {
            case PairKind.Count:
            {
                var difference = ResultBuilder.Summarize(sums.Differences, pair);
                return new MetricComparison(
                    ResultBuilder.Summarize(sums.A, layout.CellsA[pair]),
                    ResultBuilder.Summarize(sums.B, layout.CellsB[pair]),
                    Difference(difference),
                    (double)sums.BGreater[pair] / sums.Differences.Iterations);
            }
            case PairKind.Money:
            {
                var (summaryA, summaryB, difference, greater) = Money(a, b, layout, sums, group, year, metric.Metric, pair);
                return new MetricComparison(summaryA, summaryB, difference, greater);
            }
            case PairKind.Pmpm:
            {
                // As the results derive PMPM from the budget impact: every summary divided by member-months, exactly.
                var (summaryA, summaryB, difference, greater) = Money(a, b, layout, sums, group, year, MetricNames.BudgetImpact, pair);
                double memberMonths = layout.MemberMonths!.Value;
                return new MetricComparison(ResultBuilder.Divided(summaryA, memberMonths), ResultBuilder.Divided(summaryB, memberMonths),
                    DividedBy(difference, memberMonths), greater);
            }
            default:
            {
                var difference = ResultBuilder.Summarize(sums.ExceedanceDifferences, pair);
                return new MetricComparison(
                    ResultBuilder.Summarize(sums.ExceedancesA, pair),
                    ResultBuilder.Summarize(sums.ExceedancesB, pair),
                    Difference(difference),
                    (double)sums.ExceedanceBGreater[pair] / sums.ExceedanceDifferences.Iterations);
            }
        }
    }

    /// <summary>A money metric: A and B summarised as a run summarises them, and the difference over the iterations in
    /// which both have a value (its <see cref="DifferenceSummary.Iterations"/>).</summary>
    private static (MetricSummary A, MetricSummary B, DifferenceSummary Difference, double ProbabilityBGreater) Money(
        CompiledModel a, CompiledModel b, ComparisonLayout layout, ComparisonRunner sums, ComparisonLayout.Group group,
        ComparisonLayout.YearPairs year, string metric, int pair)
    {
        var summaryA = MoneySummary(sums.MoneyA!, a.Budget!, group.GroupA, year.YearA, metric);
        var summaryB = MoneySummary(sums.MoneyB!, b.Budget!, group.GroupB, year.YearB, metric);
        long used = sums.MoneyDifferences.Count(pair);
        var difference = Difference(ResultBuilder.SummarizeMoney(sums.MoneyDifferences, pair)) with { Iterations = used };
        double greater = used > 0 ? (double)sums.MoneyBGreater[pair] / used : 0;
        return (summaryA, summaryB, difference, greater);
    }

    /// <summary>The summary a run reports for a money metric (the per-treated amount with the iterations it covers).</summary>
    private static MetricSummary MoneySummary(MoneyAccumulators money, CompiledBudget budget, int group, int year, string metric)
    {
        int cell = budget.Cell(group, year, Array.IndexOf(budget.MetricsOf(group), metric));
        var summary = ResultBuilder.SummarizeMoney(money, cell);
        return metric == MetricNames.BudgetImpactPerTreated ? summary with { Iterations = money.Count(cell) } : summary;
    }

    private static DifferenceSummary Difference(MetricSummary s) => new(s.Mean, s.Sd, s.P5, s.P50, s.P95);

    private static DifferenceSummary DividedBy(DifferenceSummary d, double divisor) =>
        d with { Mean = d.Mean / divisor, Sd = d.Sd / divisor, P5 = d.P5 / divisor, P50 = d.P50 / divisor, P95 = d.P95 / divisor };

    /// <summary>The scenario as run: the comparison's iterations and seed replace the file's, so it reruns as compared.</summary>
    /// <summary>The sampling both sides used (each scenario's own); "A: …, B: …" when they differ.</summary>
    private static string Sampling(CompiledModel a, CompiledModel b)
    {
        string samplingA = FormatNames.Of(a.Scenario.Simulation.Sampling), samplingB = FormatNames.Of(b.Scenario.Simulation.Sampling);
        return samplingA == samplingB ? samplingA : $"A: {samplingA}, B: {samplingB}";
    }

    private static Scenario Echo(CompiledModel model, RunInfo run) => model.Scenario with
    {
        Simulation = model.Scenario.Simulation with { Iterations = run.Iterations, Seed = run.Seed },
    };
}
