using FunnelSim.Sampling;

namespace FunnelSim.Distributions;

/// <summary>
/// A distribution of a parameter's value across iterations (second-order uncertainty).
/// Parameters are assumed valid: <see cref="Json.ScenarioReader"/> checks them first.
/// </summary>
public abstract record Distribution
{
    /// <summary>Expected value.</summary>
    public abstract double Mean { get; }

    /// <summary>Standard deviation.</summary>
    public abstract double StandardDeviation { get; }

    /// <summary>Smallest value a draw can take (may be −∞).</summary>
    public abstract double Minimum { get; }

    /// <summary>Largest value a draw can take (may be +∞).</summary>
    public abstract double Maximum { get; }

    /// <summary>The value at cumulative probability <paramref name="u"/> in (0, 1).</summary>
    public abstract double InverseCdf(double u);

    /// <summary>One draw from the stream.</summary>
    public abstract double Sample(ref Rng rng);
}
