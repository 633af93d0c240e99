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

        Layout = new CellLayout([.. indications.Select(i => i.Metrics.Length), totalMetrics.Length], Years);
    }

    /// <summary>Where each count cell (group × year × metric) lives in the per-iteration value buffer.</summary>
    internal CellLayout Layout { get; }

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

    /// <summary>Start of each group's cells (indications in order, then the total); the last entry is the cell count (see <see cref="Layout"/>).</summary>
    internal int[] GroupOffsets => Layout.GroupOffsets;

    internal int CellCount => Layout.CellCount;

    internal int MetricCount(int group) => Layout.MetricCount(group);

    internal string[] MetricsOf(int group) =>
        group < Indications.Length ? Indications[group].Metrics : TotalMetrics;
}
