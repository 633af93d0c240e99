using FunnelSim.Results;

namespace FunnelSim.Reporting;

/// <summary>
/// A band of a histogram drawn from reported percentiles: between two neighbouring reported values (min, P5, P10,
/// P25, P50, P75, P90, P95, max) lies a known share of the iterations (5%, 5%, 15%, 25%, 25%, 15%, 5%, 5%). Finer
/// detail inside a band is not known and not invented. A band of zero width (many iterations at one value) is a point.
/// </summary>
/// <param name="From">Lower end.</param>
/// <param name="To">Upper end (equal to <paramref name="From"/> for a point).</param>
/// <param name="Share">Share of iterations in the band.</param>
public sealed record PercentileBand(double From, double To, double Share)
{
    private static readonly double[] Shares = [0.05, 0.05, 0.15, 0.25, 0.25, 0.15, 0.05, 0.05];

    /// <summary>The bands of <paramref name="s"/>, low to high; neighbouring points at one value are merged.</summary>
    public static IReadOnlyList<PercentileBand> Of(MetricSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        double[] knots = [s.Min, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Max];
        var bands = new List<PercentileBand>();
        for (int b = 0; b < Shares.Length; b++)
        {
            var band = new PercentileBand(knots[b], knots[b + 1], Shares[b]);
            if (bands.Count > 0 && bands[^1] is { } last && last.From == last.To && band.From == band.To && last.From == band.From)
                bands[^1] = last with { Share = last.Share + band.Share };
            else
                bands.Add(band);
        }
        return bands;
    }

    /// <summary>Share per unit of the value (the bar height of a histogram); null for a point.</summary>
    public double? Density => To > From ? Share / (To - From) : null;
}
