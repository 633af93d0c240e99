namespace FunnelSim.Export;

/// <summary>One cell of a workbook row: text, a number (written as a number, never as text), or empty.</summary>
/// <param name="Text">The text, when the cell holds text.</param>
/// <param name="Number">The number, when the cell holds one (NaN and infinities are left empty).</param>
/// <param name="Style">How it is shown.</param>
internal readonly record struct XlsxCell(string? Text, double? Number, XlsxStyle Style)
{
    public static XlsxCell Empty => default;

    public static implicit operator XlsxCell(string? text) => new(text, null, XlsxStyle.General);

    public static XlsxCell Of(double value, XlsxStyle style) => new(null, value, style);

    public static XlsxCell Bold(string text) => new(text, null, XlsxStyle.Header);
}
