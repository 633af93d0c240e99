using System.Text.Json;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Ramps: a probability's change over the years.
public static partial class ScenarioReader
{
    private static readonly string[] RampProperties = ["to", "years", "shape"];
    private static readonly NumberRange RampYears = new(0, 100, MinExclusive: true, Meaning: "years to reach the target");

    /// <summary>The parameter's ramp, if any; <paramref name="ok"/> is false when one was given but is invalid.</summary>
    private static Ramp? ReadOptionalRamp(ReadContext c, PropertySet parameter, ParameterSpec spec, bool mayRamp, out bool ok)
    {
        ok = true;
        if (parameter.Optional("ramp") is not { } e) return null;
        string path = parameter.PathOf("ramp");
        var ramp = (spec.Kind, mayRamp) switch
        {
            (not ParameterKind.Probability, _) => RampError(c, path, $"a ramp is allowed on probabilities only; this parameter is {spec.KindName}"),
            (_, false) => RampError(c, path, "a ramp's 'to' may not itself ramp"),
            _ => ReadRamp(c, e, path),
        };
        ok = ramp is not null;
        return ramp;
    }

    private static Ramp? ReadRamp(ReadContext c, JsonElement e, string path)
    {
        if (OpenObject(c, e, path, RampProperties) is not { } set) return null;
        var to = set.Required("to") is { } t ? ReadParameter(c, t, set.PathOf("to"), ParameterSpec.Probability, mayRamp: false) : null;
        double? years = RequiredNumber(c, set, "years", RampYears);
        string? shape = set.Optional("shape") is { } s ? ReadKeyword(c, s, set.PathOf("shape"), FormatNames.RampShapes) : "linear";
        return to is null || years is null || shape is null ? null : new Ramp(to, years.Value, FormatNames.ParseRampShape(shape));
    }

    private static Ramp? RampError(ReadContext c, string path, string message)
    {
        c.Error(path, message);
        return null;
    }
}
