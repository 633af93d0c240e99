using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// One output of the results, as the analyses choose it: one metric of one indication (or of the <c>total</c>) in one
/// calendar year — a single cell of the per-iteration values.
/// </summary>
/// <param name="Metric">A results metric name, e.g. <c>treatedNew</c> or a step id.</param>
/// <param name="Indication">An indication id, or <c>total</c> (the default) for the sum over indications.</param>
/// <param name="Year">Calendar year; null for the last year of the horizon.</param>
public sealed record OutputSelection(string Metric, string Indication = OutputSelection.Total, int? Year = null)
{
    /// <summary>The name of the sum over indications.</summary>
    public const string Total = "total";

    /// <summary>
    /// Checks the choice against <paramref name="model"/>: null when it names a cell of the results, else a message
    /// saying what is allowed (the indication ids, the horizon, the metrics of that indication), with a
    /// "did you mean" where a name is close to one that exists.
    /// </summary>
    public string? Check(CompiledModel model) => Locate(model, out _, out _);

    /// <summary>The calendar year this choice means in <paramref name="model"/> (the last year when none was given).</summary>
    public int YearIn(CompiledModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Year ?? model.Scenario.StartYear + model.Years - 1;
    }

    /// <summary>The cell's index in the per-iteration values and its group (indication index, or the indication count
    /// for the total); throws <see cref="ArgumentException"/> when <see cref="Check"/> would not pass.</summary>
    internal (int Cell, int Group) CellIn(CompiledModel model) =>
        Locate(model, out int cell, out int group) is { } error ? throw new ArgumentException(error, nameof(model)) : (cell, group);

    private string? Locate(CompiledModel model, out int cell, out int group)
    {
        ArgumentNullException.ThrowIfNull(model);
        cell = -1;
        group = Indication == Total
            ? model.Indications.Length
            : Array.FindIndex(model.Indications, i => i.Id == Indication);
        if (group < 0)
        {
            var names = model.Indications.Select(i => i.Id).Append(Total).ToArray();
            string hint = Validation.NameSuggestions.Closest(Indication, names) is { } near ? $"did you mean '{near}'? " : "";
            return $"unknown indication '{Indication}'; {hint}this scenario has: {string.Join(", ", names)}";
        }
        int first = model.Scenario.StartYear, last = first + model.Years - 1;
        int year = YearIn(model);
        if (year < first || year > last)
            return $"year {year} is outside the horizon {first}–{last}";
        string[] metrics = model.MetricsOf(group);
        int metric = Array.IndexOf(metrics, Metric);
        if (metric < 0)
        {
            string where = Indication == Total ? "the total" : $"indication '{Indication}'";
            string hint = Validation.NameSuggestions.Closest(Metric, metrics) is { } close ? $"did you mean '{close}'? " : "";
            return $"unknown metric '{Metric}' for {where}; {hint}metrics: {string.Join(", ", metrics)}";
        }
        cell = model.GroupOffsets[group] + (year - first) * metrics.Length + metric;
        return null;
    }
}
