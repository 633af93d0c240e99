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
        // Both sides use A's sampling design (as they use A's seed and the run's iteration count), so every iteration pairs.
        // Latin hypercube: both also use A's replicates, so both lay the run's iterations out in the same replicates.
        if (b.Scenario.Simulation.Sampling != a.Scenario.Simulation.Sampling
            || b.Scenario.Simulation.LhsReplicates != a.Scenario.Simulation.LhsReplicates)
            b = ModelCompiler.Compile(b.Scenario with
            {
                Simulation = b.Scenario.Simulation with
                {
                    Sampling = a.Scenario.Simulation.Sampling,
                    LhsReplicates = a.Scenario.Simulation.LhsReplicates,
                },
            });

        var layout = ComparisonLayout.Create(a, b);
        var runners = BlockScheduler.Run(options.Iterations, options.EffectiveThreads,
            () => new ComparisonRunner(a, b, layout, options.Seed, options.Iterations, recording),
            (runner, first, count) => runner.Run(first, count), progress, cancellationToken);
        for (int w = 1; w < runners.Length; w++) runners[0].Merge(runners[w]);

        var run = new RunInfo(options.Iterations, options.Seed, FormatNames.Of(a.Scenario.Simulation.Sampling), Simulator.EngineVersion, runners.Length,
            time.GetElapsedTime(started).TotalSeconds)
        {
            LhsReplicates = runners[0].Differences.Replicates > 0 ? runners[0].Differences.Replicates : null,
        };
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
                long n = sums.Differences.Iterations;
                var difference = Difference(ResultBuilder.Summarize(sums.Differences, pair), n, sums.Differences.Replicates > 0);
                return Shares(new MetricComparison(
                    ResultBuilder.Summarize(sums.A, layout.CellsA[pair]),
                    ResultBuilder.Summarize(sums.B, layout.CellsB[pair]),
                    difference, 0), sums.BGreater[pair], sums.BLess[pair], n);
            }
            case PairKind.Money:
                return Money(a, b, layout, sums, group, year, metric.Metric, pair);
            case PairKind.Pmpm:
            {
                // As the results derive PMPM from the budget impact: every summary divided by member-months, exactly.
                var money = Money(a, b, layout, sums, group, year, MetricNames.BudgetImpact, pair);
                double memberMonths = layout.MemberMonths!.Value;
                return money with
                {
                    A = ResultBuilder.Divided(money.A, memberMonths),
                    B = ResultBuilder.Divided(money.B, memberMonths),
                    Difference = DividedBy(money.Difference, memberMonths),
                };
            }
            default:
            {
                long n = sums.ExceedanceDifferences.Iterations;
                var difference = Difference(ResultBuilder.Summarize(sums.ExceedanceDifferences, pair), n, sums.ExceedanceDifferences.Replicates > 0);
                return Shares(new MetricComparison(
                    ResultBuilder.Summarize(sums.ExceedancesA, pair),
                    ResultBuilder.Summarize(sums.ExceedancesB, pair),
                    difference, 0), sums.ExceedanceBGreater[pair], sums.ExceedanceBLess[pair], n);
            }
        }
    }

    /// <summary>P(B &gt; A), P(B &lt; A) and P(B = A) over the <paramref name="n"/> iterations compared (all 0 when none).</summary>
    private static MetricComparison Shares(MetricComparison comparison, long greater, long less, long n) => n == 0
        ? comparison
        : comparison with
        {
            ProbabilityBGreater = (double)greater / n,
            ProbabilityBLess = (double)less / n,
            ProbabilityEqual = (double)(n - greater - less) / n,
        };

    /// <summary>A money metric: A and B summarised as a run summarises them, and the difference over the iterations in
    /// which both have a value (its <see cref="DifferenceSummary.Iterations"/>).</summary>
    private static MetricComparison Money(
        CompiledModel a, CompiledModel b, ComparisonLayout layout, ComparisonRunner sums, ComparisonLayout.Group group,
        ComparisonLayout.YearPairs year, string metric, int pair)
    {
        var summaryA = MoneySummary(sums.MoneyA!, a.Budget!, group.GroupA, year.YearA, metric);
        var summaryB = MoneySummary(sums.MoneyB!, b.Budget!, group.GroupB, year.YearB, metric);
        long used = sums.MoneyDifferences.Count(pair);
        var difference = Difference(ResultBuilder.SummarizeMoney(sums.MoneyDifferences, pair), used, sums.MoneyDifferences.Replicates > 0) with { Iterations = used };
        return Shares(new MetricComparison(summaryA, summaryB, difference, 0), sums.MoneyBGreater[pair], sums.MoneyBLess[pair], used);
    }

    /// <summary>The summary a run reports for a money metric (the per-treated amount with the iterations it covers).</summary>
    private static MetricSummary MoneySummary(MoneyAccumulators money, CompiledBudget budget, int group, int year, string metric)
    {
        int cell = budget.Cell(group, year, Array.IndexOf(budget.MetricsOf(group), metric));
        var summary = ResultBuilder.SummarizeMoney(money, cell);
        return metric == MetricNames.BudgetImpactPerTreated ? summary with { Iterations = money.Count(cell) } : summary;
    }

    /// <summary>The difference's summary; its MCSE is the summary's (sd/√n, or from the replicates' spread under Latin hypercube).</summary>
    private static DifferenceSummary Difference(MetricSummary s, long n, bool replicated) =>
        new(s.Mean, s.Sd, s.P5, s.P50, s.P95) { Mcse = n == 0 ? 0 : replicated ? s.Mcse : s.Sd / Math.Sqrt(n) };

    private static DifferenceSummary DividedBy(DifferenceSummary d, double divisor) =>
        d with { Mean = d.Mean / divisor, Sd = d.Sd / divisor, Mcse = d.Mcse / divisor, P5 = d.P5 / divisor, P50 = d.P50 / divisor, P95 = d.P95 / divisor };

    /// <summary>
    /// What to tell the user when B's file asks for another sampling design than A's: both sides run with A's (null when
    /// they agree).
    /// </summary>
    public static string? SamplingNote(Scenario a, Scenario b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Simulation.Sampling == b.Simulation.Sampling)
        {
            if (a.Simulation.Sampling != SamplingMethod.LatinHypercube || a.Simulation.LhsReplicates == b.Simulation.LhsReplicates) return null;
            return $"B's file asks for {b.Simulation.LhsReplicates} Latin hypercube replicates; both run with A's " +
                   $"{a.Simulation.LhsReplicates} so that every iteration pairs";
        }
        return $"B's file asks for {FormatNames.Of(b.Simulation.Sampling)} sampling; both run with A's {FormatNames.Of(a.Simulation.Sampling)} " +
               "so that every iteration pairs";
    }

    /// <summary>The scenario as run: the comparison's iterations and seed replace the file's, so it reruns as compared.</summary>

    private static Scenario Echo(CompiledModel model, RunInfo run) => model.Scenario with
    {
        Simulation = model.Scenario.Simulation with { Iterations = run.Iterations, Seed = run.Seed },
    };
}
