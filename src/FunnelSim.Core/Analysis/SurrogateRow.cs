namespace FunnelSim.Analysis;

/// <summary>One draw as ML.NET reads it: the output as the label, the inputs as one feature vector.</summary>
internal sealed class SurrogateRow
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];
}
