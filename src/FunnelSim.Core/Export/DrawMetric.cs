namespace FunnelSim.Export;

/// <summary>One metric column of a draws file.</summary>
/// <param name="Name">The results metric name, e.g. <c>treatedNew</c>.</param>
/// <param name="Kind">How its values are stored.</param>
/// <param name="Nullable">True when some row has no value (a group without the metric, or a per-treated amount with
/// nobody on treatment).</param>
internal sealed record DrawMetric(string Name, DrawValueKind Kind, bool Nullable)
{
    /// <summary>Divisor from a raw value (a count, an indicator or cents) to what the file holds.</summary>
    public double Divisor { get; init; } = 1;
}
