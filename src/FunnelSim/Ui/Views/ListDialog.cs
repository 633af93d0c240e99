using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>A dialog listing lines (problems, help); returns the index chosen with Enter, or null.</summary>
internal static class ListDialog
{
    public static int? Show(IApplication app, string title, IReadOnlyList<string> lines, bool selectable = true)
    {
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(95), Height = Dim.Percent(90) };
        var list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        list.SetSource(new ObservableCollection<string>(lines));
        int? chosen = null;
        list.Accepting += (_, e) =>
        {
            if (selectable) chosen = list.Value;
            e.Handled = true;
            dialog.RequestStop();
        };
        var close = new Button { Text = "Close", IsDefault = true };
        dialog.AddButton(close);
        close.Accepting += (_, e) =>
        {
            e.Handled = true;
            dialog.RequestStop();
        };
        dialog.Add(list);
        list.SetFocus();
        app.Run(dialog);
        return chosen;
    }
}
