using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>
/// A histogram of one metric drawn from its reported percentiles. The results carry min, P5, P10, P25, P50, P75, P90,
/// P95 and max, so the share of iterations between two neighbours is known exactly (5%, 5%, 15%, 25%, 25%, 15%, 5%,
/// 5%); each band is drawn at its density (share ÷ width). Finer detail inside a band is not known and not invented.
/// </summary>
public static class PercentileHistogram
{
    private static readonly double[] Shares = [0.05, 0.05, 0.15, 0.25, 0.25, 0.15, 0.05, 0.05];
    private static readonly char[] Blocks = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

    /// <summary>The chart as lines: a title, <paramref name="height"/> rows of bars, and an axis.</summary>
    public static IReadOnlyList<string> Lines(string title, MetricSummary s, int width, int height)
    {
        width = Math.Max(20, width);
        height = Math.Max(3, height);
        var lines = new List<string> { title, "" };
        double[] knots = [s.Min, s.P5, s.P10, s.P25, s.P50, s.P75, s.P90, s.P95, s.Max];
        if (s.Max <= s.Min)
        {
            lines.Add($"every iteration gave {HumanNumber.Count(s.Min)}");
            return lines;
        }
        var density = new double[width];
        double step = (s.Max - s.Min) / width;
        for (int c = 0; c < width; c++)
        {
            double from = s.Min + c * step, to = from + step;
            for (int b = 0; b < Shares.Length; b++)
            {
                double bandWidth = knots[b + 1] - knots[b];
                double overlap = Math.Min(to, knots[b + 1]) - Math.Max(from, knots[b]);
                if (overlap <= 0) continue;
                // A band of zero width (many iterations at one value) puts its whole share in the column holding it.
                density[c] += bandWidth <= 0 ? Shares[b] : Shares[b] * overlap / bandWidth;
            }
        }
        for (int b = 0; b < Shares.Length; b++)
        {
            if (knots[b + 1] > knots[b]) continue;
            int c = Math.Clamp((int)((knots[b] - s.Min) / step), 0, width - 1);
            density[c] += Shares[b];
        }
        double peak = density.Max();
        for (int row = height - 1; row >= 0; row--)
        {
            var line = new char[width];
            for (int c = 0; c < width; c++)
            {
                double eighths = density[c] / peak * height * 8 - row * 8;
                line[c] = Blocks[Math.Clamp((int)Math.Round(eighths), 0, 8)];
            }
            lines.Add(new string(line).TrimEnd());
        }
        // The axis marks the median's column (┴) and its label sits there, not at the axis centre.
        int medianColumn = Math.Clamp((int)((s.P50 - s.Min) / step), 0, width - 1);
        var axis = new string('─', width).ToCharArray();
        axis[medianColumn] = '┴';
        lines.Add(new string(axis));
        lines.AddRange(AxisLabels(HumanNumber.Count(s.Min), $"median {HumanNumber.Count(s.P50)}", HumanNumber.Count(s.Max), medianColumn, width));
        lines.Add($"mean {HumanNumber.Count(s.Mean)}   90% of iterations between {HumanNumber.Interval(s.P5, s.P95)}");
        return lines;
    }

    /// <summary>
    /// The minimum at the left, the maximum at the right and the median's label centred on its column (moved only as
    /// far as needed to stay clear of the ends); when the three do not fit on one line the median gets its own.
    /// </summary>
    internal static IReadOnlyList<string> AxisLabels(string left, string median, string right, int medianColumn, int width)
    {
        int from = left.Length + 1, to = width - right.Length - 1 - median.Length;
        int ends = Math.Max(left.Length + 1 + right.Length, width);
        if (to >= from)
        {
            int start = Math.Clamp(medianColumn - median.Length / 2, from, to);
            var line = new char[ends];
            Array.Fill(line, ' ');
            left.CopyTo(0, line, 0, left.Length);
            median.CopyTo(0, line, start, median.Length);
            right.CopyTo(0, line, ends - right.Length, right.Length);
            return [new string(line)];
        }
        string both = left + new string(' ', Math.Max(1, width - left.Length - right.Length)) + right;
        int alone = Math.Clamp(medianColumn - median.Length / 2, 0, Math.Max(0, width - median.Length));
        return [both, new string(' ', alone) + median];
    }
}
