namespace FunnelSim.Export;

/// <summary>How a draws file stores a metric.</summary>
internal enum DrawValueKind
{
    /// <summary>A count, or the 0/1 threshold indicator: a 64-bit integer.</summary>
    Count,

    /// <summary>Money: whole cents per iteration, written in currency units (a double, exact to the cent).</summary>
    Money,

    /// <summary>PMPM: the budget impact's cents over 100 × members × 12, as the results derive it (a double).</summary>
    Scaled,
}
