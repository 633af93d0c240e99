namespace FunnelSim.Ui.Views;

/// <summary>
/// The modal questions the window asks (a message box, a path). The real ones run Terminal.Gui dialogs; headless
/// tests give scripted answers and read the questions asked.
/// </summary>
internal interface IDialogs
{
    /// <summary>
    /// Asks <paramref name="message"/> with <paramref name="buttons"/>; the last button is the default (Enter), so
    /// callers put the harmless answer last. Returns the button's index, or null when dismissed (Esc).
    /// </summary>
    int? Query(string title, string message, params string[] buttons);

    /// <summary>Asks for a file path (typed, from <paramref name="recent"/>, or browsed); null when cancelled.</summary>
    string? AskPath(string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening);

    /// <summary>
    /// Asks for the observed counts of a calibration against <paramref name="model"/>: typed as rows (starting from
    /// <paramref name="rows"/>, which keeps what was typed for next time) or loaded from a file; null when cancelled.
    /// </summary>
    ObservedInput? AskObservations(FunnelSim.Compilation.CompiledModel model, List<FunnelSim.Ui.Calibrating.ObservedRow> rows, IReadOnlyList<string> recent);
}
