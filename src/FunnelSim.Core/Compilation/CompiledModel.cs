using FunnelSim.Model;

namespace FunnelSim.Compilation;

/// <summary>
/// A validated scenario compiled to arrays for the engine: no dictionaries or strings are touched per iteration.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledModel
{
    internal CompiledModel(
        Scenario scenario,
        CompiledParameter[] parameters,
        CompiledIndication[] indications,
        string[] totalMetrics,
        int[][] totalSources)
    {
        Scenario = scenario;
        Parameters = parameters;
        Indications = indications;
        TotalMetrics = totalMetrics;
        TotalSources = totalSources;
        Years = scenario.Years;
        ParameterList = parameters
            .Select((p, i) => new ModelParameter(i, p.Path, p.Label, p.Start, p.Target) { Source = p.Source })
            .ToArray();
        Design = SamplingDesign.Create(scenario, ParameterList);
        Scale = scenario.Population.Scale;

        GroupOffsets = new int[indications.Length + 2];
        for (int g = 0; g < indications.Length; g++)
            GroupOffsets[g + 1] = GroupOffsets[g] + Years * indications[g].Metrics.Length;
        GroupOffsets[^1] = GroupOffsets[^2] + Years * totalMetrics.Length;
    }

    /// <summary>The scenario this model was compiled from.</summary>
    public Scenario Scenario { get; }

    /// <summary>Horizon in years.</summary>
    public int Years { get; }

    /// <summary>Incidence multiplier of the population.</summary>
    public double Scale { get; }

    /// <summary>Every parameter drawn per iteration, in draw order, named by its JSON path.</summary>
    public IReadOnlyList<ModelParameter> ParameterList { get; }

    internal CompiledParameter[] Parameters { get; }

    /// <summary>Latin hypercube and/or correlated draws; null for independent Monte Carlo draws.</summary>
    internal SamplingDesign? Design { get; }

    /// <summary>Per indication, the member mix's lines of business; null without a mix (<see cref="Scale"/> alone applies).</summary>
    internal MemberMixTerm[][]? MemberMix { get; init; }

    /// <summary>The costs of a budget impact analysis; null when the scenario has none.</summary>
    internal CompiledBudget? Budget { get; init; }

    /// <summary>True when results carry the budget-impact (cost) metrics.</summary>
    public bool HasCosts => Budget is not null;

    /// <summary>
    /// Incidence multiplier of indication <paramref name="index"/> given the parameters' values: <see cref="Scale"/>, times
    /// Σ share × multiplier of the member mix where there is one.
    /// </summary>
    internal double IndicationScale(int index, ReadOnlySpan<double> start)
    {
        if (MemberMix is not { } mix) return Scale;
        double relative = 0;
        foreach (var term in mix[index]) relative += term.Share * start[term.Multiplier];
        return Scale * relative;
    }
    internal CompiledIndication[] Indications { get; }

    /// <summary>Metric names of the total over indications.</summary>
    internal string[] TotalMetrics { get; }

    /// <summary>For each total metric, its index in each indication's metrics.</summary>
    internal int[][] TotalSources { get; }

    /// <summary>
    /// Start of each group's cells in the per-iteration value buffer (groups: indications in order, then the total);
    /// a cell is <c>GroupOffsets[g] + yearIndex * metricCount(g) + metric</c>. The last entry is the cell count.
    /// </summary>
    internal int[] GroupOffsets { get; }

    internal int CellCount => GroupOffsets[^1];

    internal int MetricCount(int group) =>
        group < Indications.Length ? Indications[group].Metrics.Length : TotalMetrics.Length;

    internal string[] MetricsOf(int group) =>
        group < Indications.Length ? Indications[group].Metrics : TotalMetrics;
}
