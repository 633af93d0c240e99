namespace FunnelSim.Analysis;

/// <summary>Summary of the paired difference B − A over iterations: mean, sd and the 5th, 50th and 95th percentiles.</summary>
public sealed record DifferenceSummary(double Mean, double Sd, double P5, double P50, double P95);
