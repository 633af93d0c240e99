using System.Globalization;
using FunnelSim.Engine;

namespace FunnelSim.Cli;

/// <summary>
/// A one-line progress bar on standard error: iterations done, iterations per second and time left.
/// Redrawn at most every 100 ms; used only when standard error is a terminal.
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, string label) : IProgress<RunProgress>, IDisposable
{
    private const int BarWidth = 28;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDraw = -1000;
    private bool _drawn;

    public void Report(RunProgress value)
    {
        lock (_gate)
        {
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw < 100 && value.Done < value.Total) return;
            _lastDraw = now;
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            double rate = value.Done / seconds;
            double left = rate > 0 ? (value.Total - value.Done) / rate : 0;
            int filled = (int)Math.Round(value.Fraction * BarWidth);
            string line = string.Format(CultureInfo.InvariantCulture,
                "\r{0} [{1}{2}] {3,4:0%}  {4:N0}/{5:N0} iterations  {6:N0}/s  {7} left ",
                label, new string('█', filled), new string('░', BarWidth - filled), value.Fraction,
                value.Done, value.Total, rate, FormatDuration(left));
            error.Write(line);
            error.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_drawn) return;
            error.Write("\r\u001b[2K");
            error.Flush();
        }
    }

    private static string FormatDuration(double seconds) =>
        seconds < 60 ? $"{Math.Ceiling(seconds):0}s" : $"{(int)(seconds / 60)}m{(int)(seconds % 60):00}s";
}
