namespace FunnelSim.Json;

/// <summary>What a parameter measures; it picks the shorthand family and the explicit families allowed.</summary>
internal enum ParameterKind
{
    /// <summary>In [0, 1]; shorthand is a Beta fitted to its 2.5th and 97.5th percentiles.</summary>
    Probability,
    /// <summary>Non-negative (incidence); shorthand is log-normal.</summary>
    Amount,
    /// <summary>Strictly positive (duration parameters); shorthand is log-normal.</summary>
    Positive,
    /// <summary>May be negative (growth); shorthand is normal.</summary>
    Rate,
}
