using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// Asks for a file path: typed, picked from the recent files (each on its own row), or, when opening, chosen in
/// Terminal.Gui's file browser (Browse…). The dialog is a view of its own so that tests can draw it.
/// </summary>
internal sealed class PathPrompt : IDisposable
{
    /// <summary>Most recent files shown at once (the list scrolls beyond).</summary>
    public const int RecentRows = 8;

    private readonly TextField _path;
    private readonly Label _error = new() { X = 1, Y = 2, Width = Dim.Fill(1), SchemeName = "Error" };
    private readonly bool _forOpening;
    private string? _result;

    public PathPrompt(string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening,
        Func<string, string?>? browse = null)
    {
        int rows = Math.Min(RecentRows, recent.Count);
        // Rows: prompt, path, the message (or a blank), ("Recent files", the list), a blank, the buttons with their
        // shadow, and the frame.
        int height = 3 + (rows == 0 ? 0 : 1 + rows) + 6;
        Dialog = new Dialog { Title = title, Width = Dim.Percent(85), Height = height };
        var label = new Label { X = 1, Y = 0, Text = prompt };
        _path = new TextField { X = 1, Y = 1, Width = Dim.Fill(1), Text = initial };
        _forOpening = forOpening;
        Dialog.Add(label, _path, _error);
        if (rows > 0)
        {
            Recent = new ListView { X = 1, Y = 4, Width = Dim.Fill(1), Height = rows };
            Recent.SetSource(new ObservableCollection<string>(recent));
            Recent.ValueChanged += (_, e) => { if (e.NewValue is int i && i < recent.Count) _path.Text = recent[i]; };
            // Enter on a recent file opens it.
            Recent.Accepting += (_, e) =>
            {
                e.Handled = true;
                Finish(_path.Text);
            };
            Dialog.Add(new Label { X = 1, Y = 3, Text = "Recent files (↑↓ select, Enter opens):" }, Recent);
        }
        var cancel = new Button { Text = "Cancel" };
        var ok = new Button { Text = forOpening ? "Open" : "OK", IsDefault = true };
        if (forOpening && browse is not null)
        {
            var browseButton = new Button { Text = "_Browse…" };
            Browse = browseButton;
            Dialog.AddButton(browseButton);
            browseButton.Accepting += (_, e) =>
            {
                e.Handled = true;
                if (browse(StartFolder(_path.Text)) is { } picked) Finish(picked);
            };
        }
        Dialog.AddButton(cancel);
        Dialog.AddButton(ok);
        ok.Accepting += (_, e) =>
        {
            e.Handled = true;
            Finish(_path.Text);
        };
        cancel.Accepting += (_, e) =>
        {
            e.Handled = true;
            Dialog.RequestStop();
        };
        _path.SetFocus();
    }

    public Dialog Dialog { get; }

    /// <summary>The Browse… button (opening only).</summary>
    public Button? Browse { get; }

    /// <summary>The recent-files list, when there are recent files.</summary>
    public ListView? Recent { get; }

    /// <summary>The full path chosen, or null while none is (or when cancelled).</summary>
    public string? Result => _result;

    public static string? Ask(IApplication app, string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening = false)
    {
        using var dialog = new PathPrompt(title, prompt, initial, recent, forOpening, start => FileBrowser.Pick(app, title, start));
        app.Run(dialog.Dialog);
        return dialog.Result;
    }

    /// <summary>The folder the browser starts in: the typed path's folder when it exists, else the working folder.</summary>
    internal static string StartFolder(string typed)
    {
        try
        {
            string text = typed.Trim();
            if (text.Length > 0)
            {
                string full = Path.GetFullPath(text);
                if (Directory.Exists(full)) return full;
                if (Path.GetDirectoryName(full) is { } folder && Directory.Exists(folder)) return folder;
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or System.Security.SecurityException)
        {
            // Not a usable path: start where the program runs.
        }
        return Environment.CurrentDirectory;
    }

    /// <summary>The message under the path (a file to open that does not exist), or empty.</summary>
    public string Error => _error.Text;

    private void Finish(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            _error.Text = "Type a file name, pick a recent file" + (_forOpening ? " or Browse…" : "") + ".";
            return;
        }
        string full;
        try
        {
            full = Path.GetFullPath(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            _error.Text = $"'{trimmed}' is not a usable path: {e.Message}";
            return;
        }
        // Opening: say at once what is wrong with the name, and keep the dialog to correct it.
        if (_forOpening && Directory.Exists(full))
        {
            _error.Text = $"{full} is a folder: type a file name, or Browse….";
            return;
        }
        if (_forOpening && !File.Exists(full))
        {
            _error.Text = $"No such file: {full}";
            return;
        }
        _result = full;
        Dialog.RequestStop();
    }

    /// <summary>Types <paramref name="text"/> and presses Open/OK (tests).</summary>
    internal void Submit(string text) => Finish(text);

    public void Dispose() => Dialog.Dispose();
}

/// <summary>Terminal.Gui's file browser (OpenDialog), for scenario and observed-counts files (JSON).</summary>
internal static class FileBrowser
{
    /// <summary>The file chosen, or null when the browser was cancelled.</summary>
    public static string? Pick(IApplication app, string title, string startFolder)
    {
        using var dialog = new OpenDialog
        {
            Title = title,
            OpenMode = OpenMode.File,
            AllowsMultipleSelection = false,
            MustExist = true,
        };
        dialog.AllowedTypes.Add(new AllowedType("JSON", ".json"));
        dialog.AllowedTypes.Add(new AllowedTypeAny());
        dialog.Path = startFolder.EndsWith(Path.DirectorySeparatorChar) ? startFolder : startFolder + Path.DirectorySeparatorChar;
        app.Run(dialog);
        return dialog.Canceled || string.IsNullOrWhiteSpace(dialog.Path) ? null : Path.GetFullPath(dialog.Path);
    }
}
