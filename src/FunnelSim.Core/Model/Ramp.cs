namespace FunnelSim.Model;

/// <summary>
/// A probability's change over the years from its start value to <see cref="To"/>:
/// <c>p(t) = value + (to − value) · f(t)</c>, with <c>f</c> given by <see cref="Shape"/> and reaching 1 at <see cref="Years"/>.
/// </summary>
/// <param name="To">Target probability (itself uncertain).</param>
/// <param name="Years">Years from the start year until the target is reached.</param>
/// <param name="Shape">Form of the curve.</param>
public sealed record Ramp(Parameter To, double Years, RampShape Shape);

/// <summary>Shape of a ramp's progress <c>f(t)</c>, with <c>x = min(t / years, 1)</c>.</summary>
public enum RampShape
{
    /// <summary><c>f = x</c> (JSON: <c>linear</c>).</summary>
    Linear,
    /// <summary>Smoothstep <c>f = 3x² − 2x³</c> (JSON: <c>s-curve</c>).</summary>
    SCurve,
    /// <summary>Bass diffusion, normalised to reach 1 at <c>years</c> (JSON: <c>bass</c>).</summary>
    Bass,
}
