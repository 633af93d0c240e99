using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>The window's questions as Terminal.Gui dialogs.</summary>
internal sealed class TerminalDialogs(Func<IApplication?> app) : IDialogs
{
    public int? Query(string title, string message, params string[] buttons) =>
        app() is { } a ? MessageBox.Query(a, title, message, buttons) : null;

    public string? AskPath(string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening) =>
        app() is { } a ? PathPrompt.Ask(a, title, prompt, initial, recent, forOpening) : null;

    public ObservedInput? AskObservations(FunnelSim.Compilation.CompiledModel model, List<FunnelSim.Ui.Calibrating.ObservedRow> rows, IReadOnlyList<string> recent) =>
        app() is { } a
            ? ObservedCountsDialog.Ask(a, model, rows,
                () => PathPrompt.Ask(a, "Load observed counts", "Observed counts file (JSON, see docs/calibration.md):", "", recent, forOpening: true))
            : null;
}
