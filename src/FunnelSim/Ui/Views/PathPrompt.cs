using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>Asks for a file path, typed or picked from the recent files; null when cancelled.</summary>
internal static class PathPrompt
{
    public static string? Ask(IApplication app, string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening = false)
    {
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(85), Height = recent.Count == 0 ? 8 : Math.Min(20, 10 + recent.Count) };
        var label = new Label { X = 1, Y = 0, Text = prompt };
        var path = new TextField { X = 1, Y = 1, Width = Dim.Fill(1), Text = initial };
        dialog.Add(label, path);
        if (recent.Count > 0)
        {
            var list = new ListView { X = 1, Y = 4, Width = Dim.Fill(1), Height = Dim.Fill(2) };
            list.SetSource(new ObservableCollection<string>(recent));
            list.ValueChanged += (_, e) => { if (e.NewValue is int i && i < recent.Count) path.Text = recent[i]; };
            dialog.Add(new Label { X = 1, Y = 3, Text = "Recent files (select to use):" }, list);
        }
        var cancel = new Button { Text = "Cancel" };
        var ok = new Button { Text = "OK", IsDefault = true };
        dialog.AddButton(cancel);
        dialog.AddButton(ok);
        string? result = null;
        ok.Accepting += (_, e) =>
        {
            result = path.Text.Trim();
            e.Handled = true;
            dialog.RequestStop();
        };
        cancel.Accepting += (_, e) =>
        {
            e.Handled = true;
            dialog.RequestStop();
        };
        path.SetFocus();
        app.Run(dialog);
        return string.IsNullOrEmpty(result) ? null : Path.GetFullPath(result);
    }
}
