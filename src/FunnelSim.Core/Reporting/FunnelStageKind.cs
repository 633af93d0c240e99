namespace FunnelSim.Reporting;

/// <summary>What a bar of the funnel chart stands for.</summary>
public enum FunnelStageKind
{
    /// <summary>Patients still in the funnel after a step.</summary>
    Flow,
    /// <summary>Fusion-positive patients lost: never tested, or tested but missed by the test.</summary>
    Lost,
    /// <summary>Patients without a fusion found positive (identified or treated).</summary>
    FalsePositive,
    /// <summary>A part of the bar above it that is neither lost nor false positive (true positives found).</summary>
    Part,
}
