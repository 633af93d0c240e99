namespace FunnelSim.Ui.Editing;

/// <summary>What an outline node stands for, which decides its editor and the list actions it allows.</summary>
public enum OutlineKind
{
    /// <summary>Name, start year, horizon, iterations, seed.</summary>
    Settings,
    /// <summary>National or health plan.</summary>
    Population,
    /// <summary>One indication: id and name.</summary>
    Indication,
    /// <summary>An uncertain number (incidence, prevalence, uptake, …).</summary>
    Parameter,
    /// <summary>The pre-test or post-detection step list of an indication.</summary>
    StepList,
    /// <summary>A funnel step and its probability.</summary>
    Step,
    /// <summary>Testing: uptake and modalities.</summary>
    Testing,
    /// <summary>The modality list of an indication.</summary>
    ModalityList,
    /// <summary>A test method: id, name, share.</summary>
    Modality,
    /// <summary>Time on treatment and dose interval.</summary>
    Treatment,
    /// <summary>The budget impact's costs block: on or off, currency, cost year, discount rate, threshold.</summary>
    Costs,
    /// <summary>An optional part of the costs (monitoring, adverse events): included or not, and its settings.</summary>
    CostGroup,
    /// <summary>A grouping without fields of its own (the test costs, the comparators).</summary>
    Group,
    /// <summary>An indication's comparator: name and duration family.</summary>
    Comparator,
    /// <summary>A line of business of a plan's member mix: its share of members.</summary>
    MemberLine,
    /// <summary>The rank correlations between uncertain inputs.</summary>
    CorrelationList,
    /// <summary>One correlated pair: the two inputs and their rank correlation ρ.</summary>
    Correlation,
}
