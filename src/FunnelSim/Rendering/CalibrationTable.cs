using System.Globalization;
using System.Text;
using FunnelSim.Calibration;
using FunnelSim.Formatting;

namespace FunnelSim.Rendering;

/// <summary>
/// A calibration for people: the sampler's diagnostics, each observation against the prior and posterior predictive,
/// the inputs the data moved (then the count of those it did not), and the projection of the observed series.
/// </summary>
internal static class CalibrationTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(CalibrationResult result, string observedLabel)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Calibration of {result.Scenario.Name ?? "the scenario"} to {observedLabel}");
        text.AppendLine(Invariant, $"  {result.Observations.Count} observations · {result.Options.Draws:N0} posterior draws · seed {result.Options.Seed} · " +
                                   $"{result.Stages} tempering stages · effective sample size {result.EffectiveSampleSize:N0} at the last, " +
                                   $"{result.MinEffectiveSampleSize:N0} at the lowest · {result.Acceptance:0%} of moves accepted");
        text.AppendLine(Invariant, $"  likelihood: {result.Likelihood}");
        text.AppendLine();

        text.AppendLine("Observations                       observed   prior predictive, 99%        posterior, 90%");
        foreach (var c in result.Checks)
        {
            string prior = $"{HumanNumber.Count(c.PriorMean)} ({HumanNumber.Count(c.PriorLow99)}–{HumanNumber.Count(c.PriorHigh99)})";
            string flag = c.Conflict ? " ⚠ conflict" : "";
            text.AppendLine(Invariant, $"  {Cut(c.Observation.ToString(), 32),-32} {c.Observation.Value,8:N0}   {prior + flag,-27}  {Interval(c.Posterior)}");
        }
        text.AppendLine();

        var moved = result.Parameters.Where(p => p.Updated).OrderByDescending(p => Math.Abs(p.Shift) + Math.Abs(1 - p.WidthRatio)).ToList();
        text.AppendLine("Inputs the data moved                     prior mean (90%)             posterior mean (90%)          shift  width");
        const int shown = 15;
        foreach (var p in moved.Take(shown))
            text.AppendLine(Invariant, $"  {Cut(p.Label, 40),-40} {Interval(p.Prior),-28} {Interval(p.Posterior),-28} {Shift(p.Shift),7} {p.WidthRatio,5:0%}");
        if (moved.Count == 0) text.AppendLine("  none: the observations are what the scenario expects.");
        if (moved.Count > shown) text.AppendLine(Invariant, $"  … and {moved.Count - shown} more that moved less (all of them: --report FILE.html or FILE.json).");
        int informed = result.Parameters.Count(p => p.Informed && !p.Updated);
        int uninformed = result.Parameters.Count(p => !p.Informed);
        if (informed > 0) text.AppendLine(Invariant, $"  {informed} other inputs the observations depend on moved by less than a tenth of a prior sd (kept as written).");
        if (uninformed > 0) text.AppendLine(Invariant, $"  {uninformed} inputs the observations do not depend on keep their prior exactly.");
        text.AppendLine("  shift: posterior mean − prior mean, in prior sds; width: posterior 90% interval as a share of the prior's.");
        text.AppendLine();

        foreach (var series in result.Projection.GroupBy(r => (r.Indication, r.Metric)))
        {
            text.AppendLine(Invariant, $"Projection: {series.Key.Indication} {series.Key.Metric}, yearly count (mean and 90% interval)");
            text.AppendLine("  year   prior                          posterior                      observed");
            foreach (var row in series)
            {
                string observed = row.Observed is long o ? (row.ObservedFraction == 1 ? $"{o:N0}" : $"{o:N0} in {row.ObservedFraction:0.##} of the year") : "";
                text.AppendLine(Invariant, $"  {row.Year}   {Interval(row.Prior),-30} {Interval(row.Posterior),-30} {observed}");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Interval(Interval i) => $"{HumanNumber.Estimate(i.Mean)} ({HumanNumber.Estimate(i.P5)}–{HumanNumber.Estimate(i.P95)})";

    private static string Shift(double sd) => (sd < 0 ? "−" : "+") + Math.Abs(sd).ToString("0.0", Invariant) + " sd";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
