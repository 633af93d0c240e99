namespace FunnelSim.Results;

/// <summary>How a row of the budget impact table is read, which decides how its values are written.</summary>
public enum BudgetValueKind
{
    /// <summary>Patients (a mean count, often below 1 in a plan).</summary>
    Count,
    /// <summary>An amount in the scenario's currency.</summary>
    Money,
    /// <summary>Per member per month: fractions of a cent in a large plan.</summary>
    Pmpm,
    /// <summary>A share of iterations (the chance of exceeding the threshold).</summary>
    Probability,
}
