using System.Collections.Immutable;

namespace FunnelSim.Json;

/// <summary>The rules for one parameter slot: its kind and the values it may take.</summary>
/// <param name="Kind">Probability, amount, positive amount or rate.</param>
/// <param name="Range">Allowed values of the parameter (and of every value its distribution can take where bounded).</param>
internal sealed record ParameterSpec(ParameterKind Kind, NumberRange Range)
{
    public static readonly ParameterSpec Probability = new(ParameterKind.Probability, new NumberRange(0, 1, Meaning: "a probability"));
    public static readonly ParameterSpec Incidence = new(ParameterKind.Amount, new NumberRange(0, 100_000_000, Meaning: "expected cases per year"));
    public static readonly ParameterSpec AnnualGrowth = new(ParameterKind.Rate, new NumberRange(-0.5, 0.5, Meaning: "growth per year"));
    public static readonly ParameterSpec MedianMonths = new(ParameterKind.Positive, new NumberRange(0, 600, MinExclusive: true, Meaning: "months"));
    public static readonly ParameterSpec WeibullShape = new(ParameterKind.Positive, new NumberRange(0, 20, MinExclusive: true));
    public static readonly ParameterSpec SdLog = new(ParameterKind.Positive, new NumberRange(0, 5, MinExclusive: true));
    public static readonly ParameterSpec Money = new(ParameterKind.Amount, new NumberRange(0, MaxMoney, Meaning: "a cost in the scenario's currency"));
    public static readonly ParameterSpec PriceChange = new(ParameterKind.Rate, new NumberRange(-0.5, 0.5, Meaning: "price change per year"));
    public static readonly ParameterSpec UptakeRatio = new(ParameterKind.Positive, new NumberRange(0, 100, MinExclusive: true, Meaning: "testing uptake of fusion-positive relative to fusion-negative patients"));
    public static readonly ParameterSpec IncidenceMultiplier = new(ParameterKind.Positive, new NumberRange(0, 100, MinExclusive: true, Meaning: "relative incidence"));

    /// <summary>Largest unit cost accepted: keeps every yearly sum of cents far inside 64-bit integers.</summary>
    public const double MaxMoney = 100_000_000;

    private static readonly ImmutableArray<string> ProbabilityFamilies = ["beta", "uniform", "triangular", "pert", "fixed"];
    private static readonly ImmutableArray<string> AmountFamilies = ["lognormal", "gamma", "beta", "uniform", "triangular", "pert", "fixed"];
    private static readonly ImmutableArray<string> RateFamilies = ["normal", "uniform", "triangular", "pert", "fixed"];

    /// <summary>Every explicit family name the format knows.</summary>
    public static readonly ImmutableArray<string> AllFamilies = ["beta", "lognormal", "gamma", "normal", "uniform", "triangular", "pert", "fixed"];

    /// <summary>Explicit families allowed for this kind.</summary>
    public ImmutableArray<string> Families => Kind switch
    {
        ParameterKind.Probability => ProbabilityFamilies,
        ParameterKind.Rate => RateFamilies,
        _ => AmountFamilies,
    };

    /// <summary>"a probability", "an amount", … for messages.</summary>
    public string KindName => Kind switch
    {
        ParameterKind.Probability => "a probability",
        ParameterKind.Amount => "an amount",
        ParameterKind.Positive => "a positive amount",
        _ => "a rate",
    };
}
