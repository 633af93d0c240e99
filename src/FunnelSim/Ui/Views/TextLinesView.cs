using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

/// <summary>
/// A read-only view that draws lines produced for its current size: the charts and the headline are text laid out
/// by the presentation layer, so they read the same in a test's screen dump as in a terminal.
/// </summary>
internal sealed class TextLinesView : View
{
    private Func<int, int, IReadOnlyList<string>> _lines = (_, _) => [];

    public TextLinesView()
    {
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>Sets what to draw: a function of the width and height available.</summary>
    public void Show(Func<int, int, IReadOnlyList<string>> lines)
    {
        _lines = lines;
        SetNeedsDraw();
    }

    /// <summary>The first line shown: lines that do not fit scroll with ↑/↓/PgUp/PgDn/Home/End.</summary>
    public int Top { get; private set; }

    /// <summary>The note on the last row while more lines lie below.</summary>
    public const string MoreBelow = "↓ more below: ↓/PgDn scrolls";

    /// <summary>Scrolls by <paramref name="rows"/> (clamped when drawn).</summary>
    public void Scroll(int rows)
    {
        Top = Math.Max(0, Top + rows);
        SetNeedsDraw();
    }

    /// <inheritdoc />
    protected override bool OnKeyDown(Terminal.Gui.Input.Key key)
    {
        int page = Math.Max(1, Viewport.Height - 1);
        int? rows = key.KeyCode switch
        {
            Terminal.Gui.Drivers.KeyCode.CursorDown => 1,
            Terminal.Gui.Drivers.KeyCode.CursorUp => -1,
            Terminal.Gui.Drivers.KeyCode.PageDown => page,
            Terminal.Gui.Drivers.KeyCode.PageUp => -page,
            Terminal.Gui.Drivers.KeyCode.Home => -Top,
            Terminal.Gui.Drivers.KeyCode.End => 10_000,
            _ => null,
        };
        if (rows is not { } by) return base.OnKeyDown(key);
        Scroll(by);
        return true;
    }

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        var all = _lines(size.Width, size.Height);
        // Lines beyond the height are not cut off: they scroll, and the last row says so.
        Top = Math.Clamp(Top, 0, Math.Max(0, all.Count - size.Height + 1));
        var lines = all.Count <= size.Height ? all : all.Skip(Top).ToList();
        if (all.Count > size.Height && Top + size.Height - 1 < all.Count)
            lines = [.. lines.Take(Math.Max(0, size.Height - 1)), MoreBelow];
        for (int row = 0; row < size.Height; row++)
        {
            string line = row < lines.Count ? lines[row] : "";
            if (line.Length > size.Width) line = line[..size.Width];
            Move(0, row);
            AddStr(line.PadRight(size.Width));
        }
        return true;
    }
}
