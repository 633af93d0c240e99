using FunnelSim.Distributions;

namespace FunnelSim.Model;

/// <summary>
/// An uncertain input: a distribution drawn once per iteration, optionally ramping over the years.
/// <see cref="Form"/> and the written numbers are kept so the scenario writes back as it was read.
/// </summary>
/// <param name="Form">How the parameter was written.</param>
/// <param name="Distribution">The resolved distribution of the start value.</param>
/// <param name="Low">Written low end (shorthand form only): the fitted distribution's 2.5th percentile.</param>
/// <param name="High">Written high end (shorthand form only): the fitted distribution's 97.5th percentile.</param>
/// <param name="Ramp">Optional change over the years (probabilities only).</param>
/// <param name="Source">Where the number comes from.</param>
public sealed record Parameter(
    ParameterForm Form,
    Distribution Distribution,
    double? Low = null,
    double? High = null,
    Ramp? Ramp = null,
    string? Source = null)
{
    /// <summary>A fixed number written as a plain JSON number.</summary>
    public static Parameter Fixed(double value) => new(ParameterForm.Number, new FixedDistribution(value));

    /// <summary>
    /// Written <c>value</c> of the shorthand form (the point estimate, not the mean: the distribution is fitted to
    /// <see cref="Low"/> and <see cref="High"/>), null otherwise.
    /// </summary>
    public double? Value { get; init; }

    /// <summary>The single number that stands for the parameter where one is needed (a tornado's base): the written
    /// <c>value</c> of the shorthand, else the mean of the distribution.</summary>
    public double PointEstimate => Form == ParameterForm.Shorthand && Value is { } value ? value : Distribution.Mean;

    /// <summary>The mean of the start value's distribution.</summary>
    public double Mean => Distribution.Mean;

    /// <summary>True when every draw is the same number and there is no uncertain ramp target.</summary>
    public bool IsFixed => Distribution is FixedDistribution && (Ramp is null || Ramp.To.IsFixed);
}

/// <summary>How a parameter was written in the scenario file.</summary>
public enum ParameterForm
{
    /// <summary>A plain number: fixed.</summary>
    Number,
    /// <summary><c>{ "value", "low", "high" }</c>: point estimate and 2.5th/97.5th percentiles; the family follows the parameter's kind.</summary>
    Shorthand,
    /// <summary><c>{ "distribution": "...", ... }</c>.</summary>
    Explicit,
}
