using FunnelSim.Analysis;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// The global drivers of one output as lines for a given width: how far to trust the tree surrogate (held-out R² and
/// its verdict), then the inputs, strongest first, with Spearman, SRC and the surrogate's permutation importance.
/// </summary>
public static class DriversLines
{
    private const string Header = "   #  Spearman    SRC  importance  ";

    /// <summary>At most <paramref name="height"/> lines of at most <paramref name="width"/> characters.</summary>
    public static IReadOnlyList<string> Lines(DriversResult result, Scenario scenario, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        var run = result.Run;
        var d = result.Distribution;
        var lines = new List<string>
        {
            $"Global drivers: {TornadoChart.Describe(result.Output)} — {run.Draws.ToString("N0", Numbers.Culture)} draws, " +
            $"mean {TornadoChart.Value(d.Mean)}, 90% {TornadoChart.Value(d.P5)}–{TornadoChart.Value(d.P95)}, " +
            $"{run.ElapsedSeconds.ToString("0.0", Numbers.Culture)} s",
        };
        if (result.Note is { } note)
        {
            lines.Add($"Nothing to rank: {note}.");
            return Fit(lines, width);
        }
        lines.Add(result.Surrogate is { } s
            ? $"Surrogate R² {s.RSquared.ToString("0.000", Numbers.Culture)} on {s.TestDraws.ToString("N0", Numbers.Culture)} held out: " +
              $"{s.Verdict} · linear R² {result.LinearRSquared.ToString("0.000", Numbers.Culture)}"
            : $"No tree surrogate · linear R² {result.LinearRSquared.ToString("0.000", Numbers.Culture)}");
        lines.Add(Header + "input");

        int room = Math.Max(1, height - lines.Count);
        int shownCount = result.Parameters.Count <= room ? result.Parameters.Count : Math.Max(1, room - 1);
        int labelWidth = Math.Max(8, width - Header.Length);
        var output = result.Output;
        int rank = 1;
        foreach (var p in result.Parameters.Take(shownCount))
        {
            string label = TornadoChart.ShortLabel(p.Path, p.Label, scenario, output);
            lines.Add($"{rank++,4}  {Signed(p.Spearman, "0.000"),8}  {Signed(p.StandardizedCoefficient, "0.00"),5}  " +
                      $"{p.Importance.ToString("0.000", Numbers.Culture),10}  {TornadoChart.Cut(label, labelWidth)}");
        }
        if (result.Parameters.Count > shownCount)
            lines.Add($"… {result.Parameters.Count - shownCount} more input(s); sorted by importance, then |Spearman|");
        return Fit(lines, width);
    }

    private static string Signed(double value, string format) =>
        double.IsNaN(value) ? "–" : value.ToString($"+{format};-{format};{format}", Numbers.Culture);

    private static List<string> Fit(List<string> lines, int width) => lines.Select(l => TornadoChart.Cut(l, Math.Max(1, width))).ToList();
}
