using FunnelSim.Rendering;
using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;
using FunnelSim.Ui.Running;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The budget line of the live what-if headline: the total annual budget impact (mean) of the first and the last year,
/// and with a baseline each one's paired difference from it — so changing a price shows its effect at once.
/// </summary>
public static class BudgetHeadline
{
    /// <summary>The line, or null when the scenario has no costs.</summary>
    public static string? Line(WhatIf whatIf)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        var result = whatIf.Result;
        if (result.Scenario.Costs is not { } costs) return null;
        var years = result.Total.Years;
        if (years.Count == 0 || !years[0].Metrics.ContainsKey(MetricNames.BudgetImpact)) return null;
        string Cell(YearResult year)
        {
            string text = $"{year.Year} {HumanNumber.Money(year.Metrics[MetricNames.BudgetImpact].Mean, costs.Currency)}";
            var delta = whatIf.Comparison?.Total.Years.FirstOrDefault(c => c.Year == year.Year)?.Metrics.GetValueOrDefault(MetricNames.BudgetImpact);
            if (delta is null) return text;
            return $"{text} {CompareTable.Beside(delta, d => (d < 0 ? HumanNumber.Minus : "+") + HumanNumber.ShortBudget(Math.Abs(d), BudgetValueKind.Money, BudgetTableRows.ShortFrom, costs.Currency))}";
        }
        return years.Count == 1 ? $"Budget impact {Cell(years[0])}" : $"Budget impact {Cell(years[0])} · {Cell(years[^1])}";
    }

    /// <summary>
    /// What the budget impact is relative to, and the last year's 90% interval: cost with BIZENGRI minus cost without it
    /// (the same patients on the displaced comparator therapy). Null without costs.
    /// </summary>
    public static string? Note(WhatIf whatIf)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        var result = whatIf.Result;
        if (result.Scenario.Costs is not { } costs) return null;
        var last = result.Total.Years[^1];
        if (!last.Metrics.TryGetValue(MetricNames.BudgetImpact, out var s)) return null;
        return $"= with − without BIZENGRI; {last.Year} 90% {HumanNumber.ShortMoney(s.P5, costs.Currency)}–{HumanNumber.ShortMoney(s.P95, costs.Currency)}";
    }
}
