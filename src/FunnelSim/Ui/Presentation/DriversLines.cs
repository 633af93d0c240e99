using FunnelSim.Rendering;
using FunnelSim.Formatting;
using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The global drivers of one output as lines for a given width: how far to trust the tree surrogate (held-out R² and
/// its verdict), then the inputs, strongest first, with Spearman, SRC and the surrogate's permutation importance as a variance share.
/// </summary>
public static class DriversLines
{
    private const string Header = "   #  Spearman    SRC   var share  ";

    /// <summary>At most <paramref name="height"/> lines of at most <paramref name="width"/> characters.</summary>
    public static IReadOnlyList<string> Lines(DriversResult result, Scenario scenario, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        var run = result.Run;
        var d = result.Distribution;
        var lines = new List<string>
        {
            $"Global drivers: {TornadoChart.Describe(result.Output)} — {HumanNumber.Whole(run.Draws)} draws, " +
            $"mean {HumanNumber.Count(d.Mean)}, 90% {HumanNumber.Interval(d.P5, d.P95)}, {HumanNumber.Seconds(run.ElapsedSeconds)}",
        };
        if (result.Note is { } note)
        {
            lines.Add($"Nothing to rank: {note}.");
            return Fit(lines, width);
        }
        lines.Add(result.Surrogate is { } s
            ? $"Surrogate R² {HumanNumber.Fixed(s.RSquared, 3)} on {HumanNumber.Whole(s.TestDraws)} held out: {SurrogateText.Describe(s)}"
            : $"No tree surrogate · linear R² {HumanNumber.Fixed(result.LinearRSquared, 3)}");
        lines.Add(Header + "input");

        int room = Math.Max(1, height - lines.Count);
        int shownCount = result.Parameters.Count <= room ? result.Parameters.Count : Math.Max(1, room - 1);
        int labelWidth = Math.Max(8, width - Header.Length);
        var output = result.Output;
        int rank = 1;
        foreach (var p in result.Parameters.Take(shownCount))
        {
            string label = TornadoChart.ShortLabel(p.Path, p.Label, scenario, output);
            lines.Add($"{rank++,4}  {HumanNumber.Fixed(p.Spearman, 3, signed: true),8}  {HumanNumber.Fixed(p.StandardizedCoefficient, 2, signed: true),5}  " +
                      $"{HumanNumber.Fixed(p.VarianceShare, 3),10}  {TornadoChart.Cut(label, labelWidth)}");
        }
        if (result.Parameters.Count > shownCount)
            lines.Add($"… {result.Parameters.Count - shownCount} more input(s); sorted by variance share, then |Spearman|");
        return Fit(lines, width);
    }

    private static List<string> Fit(List<string> lines, int width) => lines.Select(l => TornadoChart.Cut(l, Math.Max(1, width))).ToList();
}
