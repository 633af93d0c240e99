namespace FunnelSim.Json;

/// <summary>Ids that results already use, so scenarios may not take them.</summary>
internal static class ReservedNames
{
    /// <summary>The id that names the sum over indications in results.</summary>
    public const string TotalIndication = "total";
}
