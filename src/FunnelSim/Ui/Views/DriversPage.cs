using FunnelSim.Rendering;
using FunnelSim.Formatting;
using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Ui.Presentation;
using FunnelSim.Ui.Running;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

/// <summary>
/// What drives the selected output (F4 metric, F3 indication, F7 year): the tornado as horizontal bars, recomputed
/// after each edit and selection change, and under it the global drivers table, computed when the user presses D
/// (seconds: a probabilistic run and a tree surrogate) with its progress shown here; Esc cancels it.
/// </summary>
internal sealed class DriversPage : IResultsPage
{
    private readonly TextLinesView _lines = new();
    private Workbench? _workbench;
    private OutputSelection? _output;
    private string _whyNot = "";
    private bool _driversWereRunning;

    public DriversPage()
    {
        Content = new View { Title = Title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        Content.Add(_lines);
        // Here, not only in the window: a plain D would otherwise reach the tab's hotkey (_Drivers) first.
        Content.KeyDown += (_, key) => { if (HandleKey(key)) key.Handled = true; };
        _lines.Show(Draw);
    }

    public string Title => "_Drivers";

    public View Content { get; }

    /// <summary>Raised with a line for the message bar (started, cancelled, cannot start).</summary>
    public event EventHandler<string>? Said;

    public void Refresh(Workbench workbench, ResultSelection selection)
    {
        if (_workbench != workbench)
        {
            _workbench = workbench;
            workbench.Sensitivity.Changed += (_, _) => OnSensitivityChanged(workbench.Sensitivity);
        }
        var scenario = workbench.Document.Scenario;
        _output = scenario is null ? null : selection.ToOutput(scenario);
        _whyNot = $"The scenario has {workbench.Document.Validation.Errors.Count()} error(s): fix them to see what drives it (F8 lists them).";
        workbench.Sensitivity.UpdateTornado(scenario, workbench.Revision, _output, _whyNot);
        _lines.SetNeedsDraw();
    }

    /// <summary>Starts the global drivers of the selected output (the D key).</summary>
    public void ComputeDrivers()
    {
        if (_workbench is not { } workbench) return;
        string? problem = workbench.Sensitivity.StartDrivers(workbench.Document.Scenario, workbench.Revision, _output, _whyNot);
        Said?.Invoke(this, problem ?? "Computing the global drivers… (Esc cancels)");
    }

    private void OnSensitivityChanged(Sensitivity sensitivity)
    {
        if (_driversWereRunning && !sensitivity.DriversRunning)
        {
            Said?.Invoke(this, sensitivity.DriversMessage ?? (sensitivity.Drivers is { } d
                ? $"Global drivers of {TornadoChart.Describe(d.Output)}: {d.Run.Draws.ToString("N0", HumanNumber.Culture)} draws in {d.Run.ElapsedSeconds.ToString("0.0", HumanNumber.Culture)} s."
                : "Global drivers finished."));
        }
        _driversWereRunning = sensitivity.DriversRunning;
        _lines.SetNeedsDraw();
    }

    /// <summary>
    /// The tab's own keys, from its content and from the window while this tab shows: D computes the drivers, Esc
    /// cancels them (else Esc goes on to quit). True when the key was used.
    /// </summary>
    public bool HandleKey(Key key)
    {
        if (_workbench is not { } workbench) return false;
        if (key == Key.D || key == Key.D.WithShift)
        {
            ComputeDrivers();
            return true;
        }
        return key == Key.Esc && workbench.Sensitivity.CancelDrivers();
    }

    private List<string> Draw(int width, int height)
    {
        var lines = new List<string> { "F4 metric · F3 indication · F7 year · D global drivers (Esc cancels)" };
        if (_workbench is not { } workbench) return lines;
        var s = workbench.Sensitivity;
        var drivers = DriversSection(s, workbench, width, height);
        int tornadoRows = Math.Max(3, height - lines.Count - drivers.Count - 1);
        if (s.TornadoError is { } error) lines.Add(error);
        else if (s.Tornado is { } tornado && s.TornadoScenario is { } scenario)
            lines.AddRange(TornadoChart.Lines(tornado, scenario, width, tornadoRows));
        else lines.Add("Computing the tornado…");
        if (s.TornadoRunning && s.Tornado is not null) lines[0] += " · updating the tornado…";
        lines.Add("");
        lines.AddRange(drivers);
        return lines;
    }

    /// <summary>The drivers' lines: progress while running, else the table (half the height) or how to get it.</summary>
    private List<string> DriversSection(Sensitivity s, Workbench workbench, int width, int height)
    {
        var lines = new List<string>();
        if (s.DriversProgress is { } p)
        {
            string done = p.Done.ToString("N0", HumanNumber.Culture), total = p.Total.ToString("N0", HumanNumber.Culture);
            lines.Add(s.DriversFitting
                ? $"Drivers 2/2: fitting the tree surrogate to {total} draws… (Esc cancels)"
                : $"Drivers 1/2: simulating {Bar(p.Fraction, 20)} {done} / {total} draws (Esc cancels)");
            return lines;
        }
        if (s.DriversMessage is { } message) lines.Add(message);
        if (s.Drivers is { } d)
        {
            if (d.Output != _output || s.DriversRevision != workbench.Revision)
                lines.Add("(computed for an earlier scenario or another output: D recomputes)");
            int rows = Math.Max(4, (height - 1) / 2 - lines.Count);
            lines.AddRange(DriversLines.Lines(d, d.Scenario, width, rows));
        }
        else if (s.DriversMessage is null)
        {
            lines.Add("Press D for the global drivers (Spearman, SRC, tree surrogate; a few seconds).");
        }
        return lines;
    }

    private static string Bar(double fraction, int width)
    {
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        return "▕" + new string('█', filled) + new string('░', width - filled) + "▏";
    }
}
