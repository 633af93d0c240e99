namespace FunnelSim.Model;

/// <summary>
/// Distribution of one patient's time on treatment (months). Its parameters are themselves uncertain:
/// drawn once per iteration, then each patient's duration is drawn given them.
/// </summary>
public abstract record DurationModel
{
    /// <summary>Median time on treatment, months.</summary>
    public abstract Parameter Median { get; }
}

/// <summary>Exponential duration with the given median (rate = ln 2 / median).</summary>
public sealed record ExponentialDuration(Parameter Median) : DurationModel
{
    /// <inheritdoc />
    public override Parameter Median { get; } = Median;
}

/// <summary>Weibull duration: <c>scale = median / (ln 2)^(1/shape)</c>.</summary>
public sealed record WeibullDuration(Parameter Median, Parameter Shape) : DurationModel
{
    /// <inheritdoc />
    public override Parameter Median { get; } = Median;
}

/// <summary>Log-normal duration: <c>ln T ~ Normal(ln median, sdLog)</c>.</summary>
public sealed record LogNormalDuration(Parameter Median, Parameter SdLog) : DurationModel
{
    /// <inheritdoc />
    public override Parameter Median { get; } = Median;
}
