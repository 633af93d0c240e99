namespace FunnelSim.Ui.Editing;

/// <summary>The ways a parameter can be written (docs/scenario-format.md, "Parameters"), as offered in the editor.</summary>
internal static class ParameterShape
{
    public const string Number = "fixed number";
    public const string Range = "value + 95% range";

    /// <summary>Explicit distribution families and their parameters, in the format's names.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Families = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["beta"] = ["alpha", "beta"],
        ["lognormal"] = ["mean", "sd"],
        ["gamma"] = ["shape", "scale"],
        ["normal"] = ["mean", "sd"],
        ["uniform"] = ["min", "max"],
        ["triangular"] = ["min", "mode", "max"],
        ["pert"] = ["min", "mode", "max"],
        ["fixed"] = ["value"],
    };

    public static readonly IReadOnlyList<string> All = [Number, Range, .. Families.Keys];

    public static readonly IReadOnlyList<string> RampShapes = ["none", "linear", "s-curve", "bass"];
}
