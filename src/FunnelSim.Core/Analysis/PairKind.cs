namespace FunnelSim.Analysis;

/// <summary>What a compared pair of cells holds, and so which accumulators its difference goes to.</summary>
internal enum PairKind
{
    /// <summary>A funnel count (exact histograms).</summary>
    Count,

    /// <summary>Money in whole cents (log-bucket sketches); iterations where either side has no value are left out.</summary>
    Money,

    /// <summary>PMPM: the budget impact's money pair divided by member-months, as the results derive it.</summary>
    Pmpm,

    /// <summary>The 0/1 indicator that the budget impact exceeded the threshold.</summary>
    Exceedance,
}
