using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// Which cells of two models describe the same thing: the same indication id (or the total), the same calendar year
/// and the same metric name. Only those are compared; a metric one side lacks (a step the other does not have, or costs
/// only one scenario has) has no difference to report. Funnel counts pair cells of the per-iteration values; money pairs
/// cells of the budget state (whole cents); PMPM reuses the budget impact's pair when both plans have the same members;
/// the threshold indicator pairs when both scenarios set a threshold.
/// </summary>
internal sealed class ComparisonLayout
{
    private ComparisonLayout(Pairs counts, Pairs money, Pairs exceedances, double? memberMonths, Group[] groups)
    {
        CellsA = [.. counts.A];
        CellsB = [.. counts.B];
        MoneyCellsA = [.. money.A];
        MoneyCellsB = [.. money.B];
        ExceedanceCellsA = [.. exceedances.A];
        ExceedanceCellsB = [.. exceedances.B];
        MemberMonths = memberMonths;
        Groups = groups;
    }

    /// <summary>Cell index in model A of each compared count pair.</summary>
    public int[] CellsA { get; }

    /// <summary>Cell index in model B of each compared count pair.</summary>
    public int[] CellsB { get; }

    /// <summary>Money cell index (see <see cref="CompiledBudget.Cell"/>) in model A of each compared money pair.</summary>
    public int[] MoneyCellsA { get; }

    /// <summary>Money cell index in model B of each compared money pair.</summary>
    public int[] MoneyCellsB { get; }

    /// <summary>A's budget-impact money cell of each compared threshold-indicator pair.</summary>
    public int[] ExceedanceCellsA { get; }

    /// <summary>B's budget-impact money cell of each compared threshold-indicator pair.</summary>
    public int[] ExceedanceCellsB { get; }

    /// <summary>A's threshold in cents (see <see cref="OutputCell.LimitOf"/>); unused without one.</summary>
    public long LimitA { get; private init; }

    /// <summary>B's threshold in cents; unused without one.</summary>
    public long LimitB { get; private init; }

    /// <summary>Members × 12 shared by both plans (PMPM is compared); null when PMPM is not compared.</summary>
    public double? MemberMonths { get; }

    /// <summary>The indications both models have (in A's order), then the total.</summary>
    public Group[] Groups { get; }

    public int PairCount => CellsA.Length;

    public int MoneyPairCount => MoneyCellsA.Length;

    public int ExceedancePairCount => ExceedanceCellsA.Length;

    public static ComparisonLayout Create(CompiledModel a, CompiledModel b)
    {
        var counts = new Pairs();
        var money = new Pairs();
        var exceedances = new Pairs();
        var groups = new List<Group>();
        var memberMonths = MemberMonthsOf(a, b);
        var context = new Context(a, b, counts, money, exceedances, memberMonths);

        for (int ga = 0; ga < a.Indications.Length; ga++)
        {
            int gb = Array.FindIndex(b.Indications, i => i.Id == a.Indications[ga].Id);
            if (gb >= 0) groups.Add(Match(context, ga, gb, a.Indications[ga].Id, a.Indications[ga].Name));
        }
        groups.Add(Match(context, a.Indications.Length, b.Indications.Length, null, null));
        return new ComparisonLayout(counts, money, exceedances, memberMonths, [.. groups])
        {
            LimitA = a.Budget?.Threshold is { } thresholdA ? OutputCell.LimitOf(thresholdA) : 0,
            LimitB = b.Budget?.Threshold is { } thresholdB ? OutputCell.LimitOf(thresholdB) : 0,
        };
    }

    /// <summary>Members × 12 when both scenarios are plans with the same members (their PMPMs are then the same exact
    /// scaling of the budget impact, and so is the difference); else null.</summary>
    internal static double? MemberMonthsOf(CompiledModel a, CompiledModel b) =>
        a.Budget?.Members is { } membersA && b.Budget?.Members is { } membersB && membersA == membersB ? membersA * 12 : null;

    private static Group Match(Context c, int ga, int gb, string? id, string? name)
    {
        var (a, b) = (c.A, c.B);
        string[] metricsA = a.MetricsOf(ga), metricsB = b.MetricsOf(gb);
        var years = new List<YearPairs>();
        for (int ta = 0; ta < a.Years; ta++)
        {
            int year = a.Scenario.StartYear + ta;
            int tb = year - b.Scenario.StartYear;
            if (tb < 0 || tb >= b.Years) continue;
            var metrics = new List<ComparedMetric>();
            for (int ma = 0; ma < metricsA.Length; ma++)
            {
                int mb = Array.IndexOf(metricsB, metricsA[ma]);
                if (mb < 0) continue;
                metrics.Add(new ComparedMetric(metricsA[ma], PairKind.Count, c.Counts.Add(
                    a.Layout.Cell(ga, ta, ma),
                    b.Layout.Cell(gb, tb, mb))));
            }
            if (a.Budget is { } budgetA && b.Budget is { } budgetB) MatchMoney(c, budgetA, budgetB, ga, gb, ta, tb, metrics);
            years.Add(new YearPairs(year, ta, tb, [.. metrics]));
        }
        return new Group(id, name, ga, gb, [.. years]);
    }

    /// <summary>The money metrics in the order the results report them (PMPM after the per-treated impact), then the
    /// threshold indicator.</summary>
    private static void MatchMoney(Context c, CompiledBudget budgetA, CompiledBudget budgetB, int ga, int gb, int ta, int tb,
        List<ComparedMetric> metrics)
    {
        string[] moneyA = budgetA.MetricsOf(ga), moneyB = budgetB.MetricsOf(gb);
        int impact = -1;
        for (int ma = 0; ma < moneyA.Length; ma++)
        {
            int mb = Array.IndexOf(moneyB, moneyA[ma]);
            if (mb < 0) continue;
            int pair = c.Money.Add(budgetA.Cell(ga, ta, ma), budgetB.Cell(gb, tb, mb));
            metrics.Add(new ComparedMetric(moneyA[ma], PairKind.Money, pair));
            if (moneyA[ma] == MetricNames.BudgetImpact) impact = pair;
            if (moneyA[ma] == MetricNames.BudgetImpactPerTreated && impact >= 0 && c.MemberMonths is not null)
                metrics.Add(new ComparedMetric(MetricNames.Pmpm, PairKind.Pmpm, impact));
        }
        if (budgetA.Threshold is not null && budgetB.Threshold is not null)
        {
            int pair = c.Exceedances.Add(budgetA.Cell(ga, ta, BudgetMetric.Impact), budgetB.Cell(gb, tb, BudgetMetric.Impact));
            metrics.Add(new ComparedMetric(MetricNames.ProbabilityExceedsThreshold, PairKind.Exceedance, pair));
        }
    }

    /// <summary>An indication (<see cref="Id"/> set) or the total (<see cref="Id"/> null), with its group index in each model.</summary>
    public sealed record Group(string? Id, string? Name, int GroupA, int GroupB, YearPairs[] Years);

    /// <summary>A calendar year (its year index in each model) and its compared metrics.</summary>
    public sealed record YearPairs(int Year, int YearA, int YearB, ComparedMetric[] Metrics);

    /// <summary>A compared metric: its name, what it holds, and its pair index among the pairs of that kind (for
    /// <see cref="PairKind.Pmpm"/>, the budget impact's money pair).</summary>
    public sealed record ComparedMetric(string Metric, PairKind Kind, int Pair);

    private sealed record Context(CompiledModel A, CompiledModel B, Pairs Counts, Pairs Money, Pairs Exceedances, double? MemberMonths);

    /// <summary>Cell indices in A and in B, pair by pair.</summary>
    private sealed class Pairs
    {
        public List<int> A { get; } = [];
        public List<int> B { get; } = [];

        public int Add(int a, int b)
        {
            A.Add(a);
            B.Add(b);
            return A.Count - 1;
        }
    }
}
