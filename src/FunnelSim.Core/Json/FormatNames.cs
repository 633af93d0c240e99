using FunnelSim.Model;

namespace FunnelSim.Json;

/// <summary>The keywords of the scenario format, shared by the reader and the writer.</summary>
internal static class FormatNames
{
    public const string MonteCarlo = "monte-carlo";
    public const string LatinHypercube = "latin-hypercube";
    public const string National = "national";
    public const string Plan = "plan";
    public const string Exponential = "exponential";
    public const string Weibull = "weibull";
    public const string LogNormal = "lognormal";

    public static readonly string[] Scales = [National, Plan];
    public static readonly string[] SamplingMethods = [MonteCarlo, LatinHypercube];
    public static readonly string[] CorrelationRepairs = ["none", "nearest"];
    public static readonly string[] DurationFamilies = [Exponential, Weibull, LogNormal];
    public static readonly string[] RampShapes = ["linear", "s-curve", "bass"];

    public static RampShape ParseRampShape(string name) => name switch
    {
        "s-curve" => RampShape.SCurve,
        "bass" => RampShape.Bass,
        _ => RampShape.Linear,
    };

    public static string Of(RampShape shape) => shape switch
    {
        RampShape.Linear => "linear",
        RampShape.SCurve => "s-curve",
        RampShape.Bass => "bass",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    public static string Of(CorrelationRepair repair) => repair == CorrelationRepair.Nearest ? "nearest" : "none";

    public static string Of(SamplingMethod sampling) => sampling switch
    {
        SamplingMethod.MonteCarlo => MonteCarlo,
        SamplingMethod.LatinHypercube => LatinHypercube,
        _ => throw new ArgumentOutOfRangeException(nameof(sampling), sampling, null),
    };
}
