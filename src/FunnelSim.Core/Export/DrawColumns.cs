using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Export;

/// <summary>
/// The columns of a per-iteration draws file and where each value comes from: <c>iteration</c>, <c>indication</c> (an id
/// or <c>total</c>), <c>year</c>, the chosen metrics by their results names, then every uncertain input by its path as
/// <c>drivers</c> writes it. One row per iteration × group (the indications in scenario order, then the total) × year.
/// </summary>
internal sealed class DrawColumns
{
    /// <summary>Marks a metric that has no value in a row (a group without that metric, or a per-treated amount with
    /// nobody on treatment): a null in Parquet, an empty field in CSV.</summary>
    public const long Missing = Engine.MoneyAccumulators.Undefined;

    private DrawColumns(CompiledModel model, DrawMetric[] metrics, OutputCell?[] cells, IReadOnlyList<DriverInput> inputs)
    {
        Metrics = metrics;
        Cells = cells;
        Inputs = inputs;
        Groups = [.. model.Indications.Select(i => i.Id), OutputSelection.Total];
        StartYear = model.Scenario.StartYear;
        Years = model.Years;
    }

    /// <summary>The metric columns, in the order asked for.</summary>
    public DrawMetric[] Metrics { get; }

    /// <summary>The uncertain inputs, in the order of <see cref="DriverInput.Uncertain"/>.</summary>
    public IReadOnlyList<DriverInput> Inputs { get; }

    /// <summary>The <c>indication</c> column's values: indication ids in order, then <c>total</c>.</summary>
    public string[] Groups { get; }

    public int StartYear { get; }

    public int Years { get; }

    /// <summary>Rows per iteration: groups × years.</summary>
    public int RowsPerIteration => Groups.Length * Years;

    /// <summary>Metric values per iteration, row-major (group, year, metric).</summary>
    public int ValuesPerIteration => RowsPerIteration * Metrics.Length;

    /// <summary>Where each value of an iteration lives, in <see cref="ValuesPerIteration"/> order; null where it has none.</summary>
    internal OutputCell?[] Cells { get; }

    /// <summary>The metrics written when none are asked for: the counts a statistician models first and, with costs, the
    /// two worlds' costs and their difference.</summary>
    public static IReadOnlyList<string> DefaultMetrics(bool costs) => costs
        ? [MetricNames.Identified, MetricNames.TreatedNew, MetricNames.OnTreatment, MetricNames.Doses,
            MetricNames.CostWith, MetricNames.CostWithout, MetricNames.BudgetImpact]
        : [MetricNames.Identified, MetricNames.TreatedNew, MetricNames.OnTreatment, MetricNames.Doses];

    /// <summary>
    /// Checks <paramref name="metrics"/> against <paramref name="model"/>: null when every name is a results metric of at
    /// least one indication or of the total, else a message with a "did you mean" where a name is close and the list of
    /// names allowed. A name given twice is refused too (two columns may not share a name).
    /// </summary>
    public static string? Check(CompiledModel model, IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count == 0) return "no metric given";
        string[] known = Known(model);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string metric in metrics)
        {
            if (!seen.Add(metric)) return $"metric '{metric}' is given twice";
            if (known.Contains(metric, StringComparer.Ordinal)) continue;
            string list = $"metrics: {string.Join(", ", known)}";
            if (MetricNames.ReservedCostMetrics.Contains(metric))
            {
                string why = model.Budget is null ? "this scenario has no costs block"
                    : metric == MetricNames.Pmpm ? "PMPM needs a plan population (population.scale \"plan\" with members)"
                    : "no threshold is set (costs.budgetThreshold)";
                return $"'{metric}' is not available: {why}; {list}";
            }
            string hint = NameSuggestions.Closest(metric, known) is { } near ? $"did you mean '{near}'? " : "";
            return $"unknown metric '{metric}'; {hint}{list}";
        }
        return null;
    }

    /// <summary>The columns of <paramref name="metrics"/> (which must pass <see cref="Check"/>) for <paramref name="model"/>.</summary>
    public static DrawColumns Create(CompiledModel model, IReadOnlyList<string> metrics)
    {
        if (Check(model, metrics) is { } problem) throw new ArgumentException(problem, nameof(metrics));
        int groups = model.Indications.Length + 1;
        var cells = new OutputCell?[groups * model.Years * metrics.Count];
        var kinds = new DrawValueKind[metrics.Count];
        var nullable = new bool[metrics.Count];
        var divisors = new double[metrics.Count];
        for (int g = 0, v = 0; g < groups; g++)
        {
            string group = g < model.Indications.Length ? model.Indications[g].Id : OutputSelection.Total;
            for (int t = 0; t < model.Years; t++)
            {
                for (int m = 0; m < metrics.Count; m++, v++)
                {
                    var selection = new OutputSelection(metrics[m], group, model.Scenario.StartYear + t);
                    if (selection.Check(model) is not null)
                    {
                        nullable[m] = true;
                        continue;
                    }
                    var cell = selection.Resolve(model);
                    cells[v] = cell;
                    kinds[m] = KindOf(cell);
                    divisors[m] = cell.Divisor;
                    // A per-treated amount has no value in an iteration with nobody on treatment.
                    if (metrics[m] == MetricNames.BudgetImpactPerTreated) nullable[m] = true;
                }
            }
        }
        var columns = metrics.Select((name, m) => new DrawMetric(name, kinds[m], nullable[m]) { Divisor = divisors[m] }).ToArray();
        return new DrawColumns(model, columns, cells, DriverInput.Uncertain(model));
    }

    /// <summary>Every metric name some group has, in report order (the indications' first, then the total's extras).</summary>
    private static string[] Known(CompiledModel model)
    {
        var names = new List<string>();
        for (int g = 0; g <= model.Indications.Length; g++)
            foreach (string name in OutputSelection.MetricsOf(model, g))
                if (!names.Contains(name)) names.Add(name);
        return [.. names];
    }

    private static DrawValueKind KindOf(OutputCell cell) => cell.Source switch
    {
        OutputSource.Count => DrawValueKind.Count,
        OutputSource.Exceedance => DrawValueKind.Count,
        _ => cell.Divisor == 100 ? DrawValueKind.Money : DrawValueKind.Scaled,
    };
}
