using FunnelSim.Rendering;
using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;
using System.Globalization;
using System.Text;

namespace FunnelSim.Cli;

/// <summary>The drivers result as a table for people: the output (money in its currency), how far to trust the surrogate,
/// the inputs ranked.</summary>
internal static class DriversTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(DriversResult result, int top)
    {
        var text = new StringBuilder();
        var o = result.Output;
        var d = result.Distribution;
        var run = result.Run;
        text.AppendLine(Invariant, $"Drivers of {o.Metric} · {o.Indication} · {o.Year} — {result.Scenario.Name}");
        int used = run.DrawsUsed ?? run.Draws;
        if (result.Currency is { } currency)
            text.AppendLine(Invariant, $"  output over {used:N0} draws: mean {HumanNumber.Money(d.Mean, currency)}, " +
                                       $"90% interval {HumanNumber.Money(d.P5, currency)} to {HumanNumber.Money(d.P95, currency)}");
        else
            text.AppendLine(Invariant, $"  output over {used:N0} draws: mean {HumanNumber.Count(d.Mean)}, 90% interval {HumanNumber.Interval(d.P5, d.P95)}");
        if (run.Draws < run.Iterations)
            text.AppendLine(Invariant, $"  (the first {run.Draws:N0} of {run.Iterations:N0} iterations; raise --max-draws to use more)");
        if (run.DrawsUsed is { } defined)
            text.AppendLine(Invariant, $"  ({run.Draws - defined:N0} of the {run.Draws:N0} draws have no value — nobody on treatment — and are left out)");
        if (result.Note is { } note)
        {
            text.AppendLine(Invariant, $"  nothing to rank: {note}");
            return text.ToString();
        }
        if (result.Surrogate is { } s)
        {
            text.AppendLine(Invariant, $"  tree surrogate R² on {s.TestDraws:N0} held-out draws: {SurrogateText.Describe(s)}");
        }
        text.AppendLine("  (R² is the share of the output's variance explained; attainable: the share the inputs can explain at all,");
        text.AppendLine("  the rest being patient-level chance, estimated by re-simulating held inputs.)");
        text.AppendLine(Invariant, $"  {result.Parameters.Count} uncertain inputs; {result.FixedParameters} fixed parameters left out");
        text.AppendLine();

        // Numbers first, names last: the label is long and may wrap without breaking the columns.
        var shown = result.Parameters.Take(top).ToArray();
        int pathWidth = shown.Select(p => p.Path.Length).DefaultIfEmpty(4).Max();
        text.AppendLine(Invariant, $"  {"#",3}  {"Spearman",8}  {"SRC",6}  {"var share",10}  {"path".PadRight(pathWidth)}  input");
        int rank = 1;
        foreach (var p in shown)
        {
            text.AppendLine(Invariant,
                $"  {rank++,3}  {HumanNumber.Fixed(p.Spearman, 3, signed: true),8}  {HumanNumber.Fixed(p.StandardizedCoefficient, 2, signed: true),6}  {HumanNumber.Fixed(p.VarianceShare, 3),10}  {p.Path.PadRight(pathWidth)}  {p.Label}");
        }
        if (result.Parameters.Count > shown.Length)
            text.AppendLine(Invariant, $"  … {result.Parameters.Count - shown.Length} more (--top, or all in the --out file)");
        text.AppendLine();
        text.AppendLine("  Spearman: rank correlation of the input's draws with the output. SRC: standardized regression coefficient");
        text.AppendLine("  (output sds per input sd, others held fixed). var share: the share of the output's variance that involves the");
        text.AppendLine("  input (half the drop in the surrogate's held-out R² when the input is shuffled). Sorted by it.");
        return text.ToString();
    }
}
