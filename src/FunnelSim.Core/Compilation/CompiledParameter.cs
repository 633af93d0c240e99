using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Compilation;

/// <summary>
/// A parameter ready for the hot loop: its start distribution and optional ramp target, each with its own
/// random stream, and the ramp's progress per year index precomputed.
/// </summary>
internal sealed class CompiledParameter
{
    public CompiledParameter(string streamName, string path, string label, Distribution start, Distribution? target, double[] progress)
    {
        Name = streamName;
        Path = path;
        Label = label;
        Start = start;
        Target = target;
        StartKey = Sampling.StreamKey.Of(streamName);
        TargetKey = Sampling.StreamKey.Of(streamName + "/ramp.to");
        Progress = progress;
    }

    /// <summary>Stable name of the parameter's stream, e.g. <c>nsclc/preTestSteps/advanced/probability</c>.</summary>
    public string Name { get; }
    /// <summary>JSON path in the scenario file, e.g. <c>indications[0].testing.uptake</c>.</summary>
    public string Path { get; }
    /// <summary>Human name for reports.</summary>
    public string Label { get; }
    public Distribution Start { get; }
    public Distribution? Target { get; }
    public ulong StartKey { get; }
    public ulong TargetKey { get; }
    /// <summary>The parameter as written in the scenario (its form and written 95% range), when it came from one.</summary>
    public Model.Parameter? Source { get; init; }
    /// <summary>Ramp progress f(t) per year index; all zeros without a ramp.</summary>
    public double[] Progress { get; }
}
