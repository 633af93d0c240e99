using FunnelSim.Distributions;

namespace FunnelSim.Engine;

/// <summary>
/// A parameter ready for the hot loop: its start distribution and optional ramp target, each with its own
/// random stream, and the ramp's progress per year index precomputed.
/// </summary>
internal sealed class CompiledParameter
{
    public CompiledParameter(string streamName, Distribution start, Distribution? target, double[] progress)
    {
        Name = streamName;
        Start = start;
        Target = target;
        StartKey = Sampling.StreamKey.Of(streamName);
        TargetKey = Sampling.StreamKey.Of(streamName + "/ramp.to");
        Progress = progress;
    }

    /// <summary>Stable name of the parameter's stream, e.g. <c>nsclc/preTestSteps/advanced/probability</c>.</summary>
    public string Name { get; }
    public Distribution Start { get; }
    public Distribution? Target { get; }
    public ulong StartKey { get; }
    public ulong TargetKey { get; }
    /// <summary>Ramp progress f(t) per year index; all zeros without a ramp.</summary>
    public double[] Progress { get; }
}
