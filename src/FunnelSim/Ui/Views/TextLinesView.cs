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

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        var lines = _lines(size.Width, size.Height);
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
