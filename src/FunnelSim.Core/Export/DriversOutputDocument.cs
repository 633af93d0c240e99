using FunnelSim.Model;
namespace FunnelSim.Export;

/// <summary>The output analysed and its distribution, flat, as the JSON file shows it.</summary>
internal sealed record DriversOutputDocument(string Metric, string Indication, int Year, double Mean, double Sd,
    double P5, double P50, double P95)
{
    /// <summary>The currency of a money output; absent for a count.</summary>
    public string? Currency { get; init; }
}
