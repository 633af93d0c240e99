using System.Globalization;
using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Analysis;

/// <summary>
/// What a comparison leaves out: indications, calendar years and metrics that only one of the two scenarios has
/// (e.g. a step id that B renamed). <see cref="ScenarioComparison"/> compares only what both have; this says what
/// that excluded, so front ends can tell the user rather than let a metric silently vanish.
/// </summary>
public static class ComparisonCoverage
{
    /// <summary>One sentence per thing left out, e.g. <c>pdac: metric 'extra' is only in A</c>; empty when A and B match.</summary>
    public static IReadOnlyList<string> NotCompared(CompiledModel a, CompiledModel b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var notes = new List<string>();
        string[] idsA = [.. a.Indications.Select(i => i.Id)], idsB = [.. b.Indications.Select(i => i.Id)];
        foreach (string id in idsA.Except(idsB)) notes.Add($"indication '{id}' is only in A");
        foreach (string id in idsB.Except(idsA)) notes.Add($"indication '{id}' is only in B");

        var yearsA = Enumerable.Range(a.Scenario.StartYear, a.Years).ToArray();
        var yearsB = Enumerable.Range(b.Scenario.StartYear, b.Years).ToArray();
        if (yearsA.Except(yearsB).ToArray() is { Length: > 0 } onlyA) notes.Add($"{Span(onlyA)} only in A");
        if (yearsB.Except(yearsA).ToArray() is { Length: > 0 } onlyB) notes.Add($"{Span(onlyB)} only in B");

        for (int ga = 0; ga < idsA.Length; ga++)
        {
            int gb = Array.IndexOf(idsB, idsA[ga]);
            if (gb >= 0) Metrics(notes, idsA[ga], a.MetricsOf(ga), b.MetricsOf(gb));
        }
        Metrics(notes, OutputSelection.Total, a.MetricsOf(a.Indications.Length), b.MetricsOf(b.Indications.Length));
        Money(notes, a, b);
        return notes;
    }

    /// <summary>Costs, PMPM and the threshold indicator, where only one side has them.</summary>
    private static void Money(List<string> notes, CompiledModel a, CompiledModel b)
    {
        if (a.Budget is null || b.Budget is null)
        {
            if (a.Budget is not null) notes.Add("cost metrics are only in A (B has no costs block)");
            if (b.Budget is not null) notes.Add("cost metrics are only in B (A has no costs block)");
            return;
        }
        double? membersA = a.Budget.Members, membersB = b.Budget.Members;
        if (membersA is not null && membersB is null) notes.Add($"metric '{MetricNames.Pmpm}' is only in A (B is not a plan)");
        if (membersB is not null && membersA is null) notes.Add($"metric '{MetricNames.Pmpm}' is only in B (A is not a plan)");
        if (membersA is { } ma && membersB is { } mb && ComparisonLayout.MemberMonthsOf(a, b) is null)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"metric '{MetricNames.Pmpm}': A's plan has {ma:N0} members and B's {mb:N0}, so their PMPMs are not paired; compare {MetricNames.BudgetImpact}"));
        string exceeds = MetricNames.ProbabilityExceedsThreshold;
        if (a.Budget.Threshold is not null && b.Budget.Threshold is null) notes.Add($"metric '{exceeds}' is only in A (B sets no threshold)");
        if (b.Budget.Threshold is not null && a.Budget.Threshold is null) notes.Add($"metric '{exceeds}' is only in B (A sets no threshold)");
    }

    private static void Metrics(List<string> notes, string group, string[] metricsA, string[] metricsB)
    {
        foreach (string m in metricsA.Except(metricsB)) notes.Add($"{group}: metric '{m}' is only in A");
        foreach (string m in metricsB.Except(metricsA)) notes.Add($"{group}: metric '{m}' is only in B");
    }

    private static string Span(int[] years) => years.Length == 1 ? $"year {years[0]} is" : $"years {years[0]}–{years[^1]} are";
}
