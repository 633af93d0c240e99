using System.Globalization;
using System.Text;
using FunnelSim.Analysis;

namespace FunnelSim.Cli;

/// <summary>A comparison as a table for people: per metric, A and B, the paired difference B − A and P(B &gt; A).</summary>
internal static class ComparisonTable
{
    /// <summary>What the table shows when no --metric is given: the funnel's headline counts.</summary>
    public static readonly string[] HeadlineMetrics = ["tested", "identified", "treatedNew", "onTreatment", "doses"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(ComparisonResult comparison, string labelA, string labelB, string indication, int year,
        IReadOnlyList<string> metrics)
    {
        var years = indication == OutputSelection.Total
            ? comparison.Total.Years
            : comparison.Indications.Single(i => i.Id == indication).Years;
        var compared = years.Single(y => y.Year == year).Metrics;
        var text = new StringBuilder();
        text.AppendLine(Invariant,
            $"B − A · {indication} · {year} · {comparison.Run.Iterations:N0} paired iterations, seed {comparison.Run.Seed} (common random numbers)");
        text.AppendLine(Invariant, $"  A: {comparison.A.Name} ({labelA})");
        text.AppendLine(Invariant, $"  B: {comparison.B.Name} ({labelB})");
        text.AppendLine();
        int width = Math.Max(6, metrics.Max(m => m.Length));
        text.AppendLine(Invariant,
            $"  {"metric".PadRight(width)}  {"A mean",12}  {"B mean",12}  {"B − A mean",12}  {"B − A 90% interval",25}  {"P(B > A)",8}");
        foreach (string metric in metrics)
        {
            var c = compared[metric];
            var d = c.Difference;
            string interval = $"{Number(d.P5)} to {Number(d.P95)}";
            text.AppendLine(Invariant,
                $"  {metric.PadRight(width)}  {Number(c.A.Mean),12}  {Number(c.B.Mean),12}  {Signed(d.Mean),12}  {interval,25}  {c.ProbabilityBGreater,8:0.000}");
        }
        text.AppendLine();
        text.AppendLine("  Both scenarios ran with the same seed on shared random streams, so B − A is paired iteration by iteration:");
        text.AppendLine("  its interval shows the effect of what differs, not sampling noise. Every indication, year and metric: --out FILE.");
        return text.ToString();
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "#,0.0", Invariant);

    private static string Signed(double value) => (value > 0 ? "+" : "") + Number(value);
}
