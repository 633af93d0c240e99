using FunnelSim.Formatting;
using FunnelSim.Engine;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Running;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The full run's progress: a bar, iterations done, iterations per second and time left. The run happens on the
/// thread pool; progress arrives through <c>App.Invoke</c>. Esc (or Cancel) cancels the run and closes the dialog.
/// </summary>
internal sealed class RunDialog : Dialog
{
    private readonly ProgressBar _bar = new() { X = 1, Y = 1, Width = Dim.Fill(1), ProgressBarStyle = ProgressBarStyle.Continuous };
    private readonly Label _numbers = new() { X = 1, Y = 3, Width = Dim.Fill(1), Text = "starting…" };
    private readonly CancellationTokenSource _cancel = new();
    private readonly RunSpeed _speed = new(TimeProvider.System);

    public RunDialog(string title)
    {
        Title = title;
        Width = Dim.Percent(80);
        Height = 9;
        Add(_bar, _numbers, new Label { X = 1, Y = 5, Text = "Esc cancels" });
        IsRunningChanging += (_, e) => { if (!e.NewValue) _cancel.Cancel(); };
    }

    public CancellationToken CancellationToken => _cancel.Token;

    /// <summary>Records progress; call on the UI thread.</summary>
    public void Report(RunProgress progress)
    {
        _speed.Update(progress);
        _bar.Fraction = (float)progress.Fraction;
        string left = _speed.TimeLeft is { } t ? HumanNumber.Duration(t) : "…";
        _numbers.Text = $"{progress.Done.ToString("N0", HumanNumber.Culture)} / {progress.Total.ToString("N0", HumanNumber.Culture)} iterations   " +
                        $"{_speed.IterationsPerSecond.ToString("N0", HumanNumber.Culture)}/s   {left} left";
    }

    /// <summary>Records progress that is not counted in iterations (a calibration's stages); call on the UI thread.</summary>
    public void Report(double fraction, string text)
    {
        _bar.Fraction = (float)Math.Clamp(fraction, 0, 1);
        _numbers.Text = text;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _cancel.Dispose();
        base.Dispose(disposing);
    }
}
