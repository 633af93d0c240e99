namespace FunnelSim.Json;

/// <summary>An allowed interval of numbers, with the words used to explain it.</summary>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end.</param>
/// <param name="MinExclusive">True when <paramref name="Min"/> itself is not allowed.</param>
/// <param name="MaxExclusive">True when <paramref name="Max"/> itself is not allowed.</param>
/// <param name="Meaning">What the number is, e.g. <c>years of horizon</c>; shown in brackets.</param>
internal sealed record NumberRange(double Min, double Max, bool MinExclusive = false, bool MaxExclusive = false, string? Meaning = null)
{
    /// <summary>True when <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) =>
        (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    /// <summary><c>between 1 and 30 (years of horizon)</c>, <c>above 0 and at most 600 (months)</c>, …</summary>
    public string Describe()
    {
        string min = InvariantFormat.Number(Min), max = InvariantFormat.Number(Max);
        string text = (MinExclusive, MaxExclusive) switch
        {
            (false, false) => $"between {min} and {max}",
            (true, false) => $"above {min} and at most {max}",
            (false, true) => $"at least {min} and below {max}",
            (true, true) => $"strictly between {min} and {max}",
        };
        return Meaning is null ? text : $"{text} ({Meaning})";
    }

    /// <summary><c>must be between 1 and 30 (years of horizon); got 50</c>.</summary>
    public string Violation(double value) => $"must be {Describe()}; got {InvariantFormat.Number(value)}";
}
