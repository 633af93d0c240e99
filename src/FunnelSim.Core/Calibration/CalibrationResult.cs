using FunnelSim.Model;

namespace FunnelSim.Calibration;

/// <summary>Settings of a calibration.</summary>
/// <param name="Draws">Particles: the number of posterior draws (more give smoother posteriors, linearly slower).</param>
/// <param name="Seed">Seed of every random stream.</param>
/// <param name="Threads">Threads (the result does not depend on them).</param>
public sealed record CalibrationOptions(int Draws, ulong Seed, int Threads)
{
    /// <summary>Default number of particles.</summary>
    public const int DefaultDraws = 2000;

    /// <summary>Fewest particles allowed.</summary>
    public const int MinDraws = 100;

    /// <summary>Most particles allowed.</summary>
    public const int MaxDraws = 1_000_000;
}

/// <summary>Mean and 90% interval (5th and 95th percentiles) of a quantity.</summary>
public sealed record Interval(double Mean, double P5, double P95);

/// <summary>
/// One uncertain input before and after the data: its prior (the scenario's distribution) and posterior (the particles),
/// how far the mean moved in prior standard deviations, the posterior's 90% width as a share of the prior's, whether the
/// observations depend on it at all (<paramref name="Informed"/>: if not, its posterior is its prior, exactly), and whether
/// it counts as updated (informed, and moved by a tenth of a prior sd or more, or narrowed or widened by 10% or more).
/// </summary>
public sealed record ParameterUpdate(string Path, string Label, Interval Prior, Interval Posterior, double Shift, double WidthRatio,
    bool Informed, bool Updated);

/// <summary>
/// One observation against the model: the observed count, the prior predictive mean and 99% interval (0.5th–99.5th
/// percentiles), whether the observation lies outside it (prior–data conflict), and the posterior predictive mean and 90%
/// interval.
/// </summary>
public sealed record ObservationCheck(Observation Observation, double PriorMean, double PriorLow99, double PriorHigh99, bool Conflict,
    Interval Posterior);

/// <summary>A projected yearly count (whole year) before and after the data: predictive mean and 90% interval.</summary>
public sealed record ProjectionRow(string Indication, string Metric, int Year, Interval Prior, Interval Posterior, long? Observed,
    double ObservedFraction);

/// <summary>Everything a calibration gives.</summary>
public sealed record CalibrationResult
{
    /// <summary>The prior scenario.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The observations used.</summary>
    public required IReadOnlyList<Observation> Observations { get; init; }

    /// <summary>Settings used.</summary>
    public required CalibrationOptions Options { get; init; }

    /// <summary>Every uncertain input, in document order.</summary>
    public required IReadOnlyList<ParameterUpdate> Parameters { get; init; }

    /// <summary>Every observation against the prior and posterior predictive.</summary>
    public required IReadOnlyList<ObservationCheck> Checks { get; init; }

    /// <summary>Observed and projected counts, observed and future years.</summary>
    public required IReadOnlyList<ProjectionRow> Projection { get; init; }

    /// <summary>How the likelihood was computed (exact for every count this version accepts).</summary>
    public required string Likelihood { get; init; }

    /// <summary>Effective sample size of the last reweighting (before its resampling), out of <see cref="CalibrationOptions.Draws"/>.</summary>
    public required double EffectiveSampleSize { get; init; }

    /// <summary>Smallest effective sample size over the stages.</summary>
    public required double MinEffectiveSampleSize { get; init; }

    /// <summary>Tempering stages.</summary>
    public required int Stages { get; init; }

    /// <summary>Mean share of Metropolis moves accepted.</summary>
    public required double Acceptance { get; init; }

    /// <summary>Warnings: prior–data conflicts, a low effective sample size.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Seconds taken.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Posterior draws of the informed inputs (<see cref="InformedPaths"/>): draw i's input j at [i * inputs + j].</summary>
    internal double[] PosteriorValues { get; init; } = [];

    /// <summary>Paths of the informed inputs, in the order of <see cref="PosteriorValues"/>' columns.</summary>
    internal string[] InformedPaths { get; init; } = [];
}
