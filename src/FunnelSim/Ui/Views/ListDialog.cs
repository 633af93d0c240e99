using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// A dialog listing lines (problems, help); returns the index of the line chosen with Enter, or null. Lines longer
/// than the dialog is wide are wrapped at spaces, never cut: a problem's last words (the actual sum of shares) matter.
/// </summary>
internal static class ListDialog
{
    public static int? Show(IApplication app, string title, IReadOnlyList<string> lines, bool selectable = true)
    {
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(95), Height = Dim.Percent(90) };
        int width = Math.Max(20, app.Screen.Width * 95 / 100 - 4);
        var (rows, owners) = Wrap(lines, width);
        var list = new ListView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        list.SetSource(new ObservableCollection<string>(rows));
        int? chosen = null;
        list.Accepting += (_, e) =>
        {
            if (selectable && list.Value is int row && row < owners.Count) chosen = owners[row];
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

    /// <summary>
    /// Each line wrapped at spaces to <paramref name="width"/> columns (continuations start with
    /// <paramref name="continuation"/>, four spaces unless told), with the line each row belongs to.
    /// </summary>
    internal static (List<string> Rows, List<int> Owners) Wrap(IReadOnlyList<string> lines, int width, string continuation = "    ")
    {
        var rows = new List<string>();
        var owners = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            foreach (string row in WrapLine(lines[i], width, continuation))
            {
                rows.Add(row);
                owners.Add(i);
            }
        }
        return (rows, owners);
    }

    private static IEnumerable<string> WrapLine(string line, int width, string continuation)
    {
        string rest = line;
        string indent = "";
        while (indent.Length + rest.Length > width)
        {
            int room = width - indent.Length;
            int cut = rest.LastIndexOf(' ', Math.Min(room, rest.Length - 1));
            if (cut <= 0) cut = room;
            yield return indent + rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
            indent = continuation;
        }
        yield return indent + rest;
    }
}
