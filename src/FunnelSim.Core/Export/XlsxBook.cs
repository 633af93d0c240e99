using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelSim.Export;

/// <summary>
/// A small writer of .xlsx workbooks over the Open XML SDK: sheets of rows of text and numbers, numbers with number
/// formats, a bold frozen header row, column widths. Text is written inline (no shared-string table), which Excel and
/// LibreOffice both read without repair.
/// </summary>
internal sealed class XlsxBook : IDisposable
{
    // Style indices in the cell formats below, by XlsxStyle; Count has three (whole, two decimals, small).
    private const uint General = 0, Header = 1, Integer = 2, CountWhole = 3, CountDecimal = 4, CountSmall = 5, Money = 6, Pmpm = 7, Percent = 8;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private uint _nextSheetId = 1;

    /// <summary>Starts a workbook on <paramref name="stream"/>; money is shown in <paramref name="currency"/> (ISO code; USD as $).</summary>
    public XlsxBook(Stream stream, string? currency)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _workbook.Workbook = new Workbook();
        _sheets = _workbook.Workbook.AppendChild(new Sheets());
        var styles = _workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet(currency ?? "USD");
    }

    /// <summary>Adds a sheet. The name is made valid for Excel (at most 31 characters, no <c>[]:*?/\</c>) and unique.</summary>
    public void AddSheet(string name, IEnumerable<IReadOnlyList<XlsxCell>> rows, IReadOnlyList<double>? widths = null, bool freezeHeader = true)
    {
        var part = _workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        foreach (var cells in rows)
        {
            var row = new Row { RowIndex = r };
            for (int c = 0; c < cells.Count; c++)
            {
                if (Write(cells[c], $"{Column(c)}{r}") is { } cell) row.Append(cell);
            }
            data.Append(row);
            r++;
        }
        var worksheet = new Worksheet();
        if (freezeHeader)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        }
        if (widths is { Count: > 0 })
        {
            var columns = new Columns();
            for (int c = 0; c < widths.Count; c++)
                columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
            worksheet.Append(columns);
        }
        worksheet.Append(data);
        part.Worksheet = worksheet;
        _sheets.Append(new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = _nextSheetId++, Name = UniqueName(name) });
    }

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();

    /// <summary>The column letters of zero-based column <paramref name="index"/> (A, …, Z, AA, …).</summary>
    public static string Column(int index)
    {
        string letters = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static Cell? Write(XlsxCell value, string reference)
    {
        if (value.Number is { } number)
        {
            if (!double.IsFinite(number)) return null;
            return new Cell { CellReference = reference, CellValue = new CellValue(number), StyleIndex = StyleOf(value.Style, number) };
        }
        if (value.Text is null) return null;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value.Text) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = value.Style == XlsxStyle.Header ? Header : General,
        };
    }

    private static uint StyleOf(XlsxStyle style, double number) => style switch
    {
        XlsxStyle.Header => Header,
        XlsxStyle.Integer => Integer,
        XlsxStyle.Count => Math.Abs(number) >= 100 || number == Math.Round(number) ? CountWhole : Math.Abs(number) >= 1 ? CountDecimal : CountSmall,
        XlsxStyle.Money => Money,
        XlsxStyle.Pmpm => Pmpm,
        XlsxStyle.Percent => Percent,
        _ => General,
    };

    private string UniqueName(string name)
    {
        string clean = new([.. name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c)]);
        clean = clean.Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        string unique = clean;
        for (int n = 2; !_names.Add(unique); n++)
        {
            string suffix = $" ({n})";
            unique = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return unique;
    }

    private static Stylesheet Stylesheet(string currency)
    {
        string symbol = currency == "USD" ? "\"$\"" : "";
        string code = currency == "USD" ? "" : $"\\ \"{currency.Replace("\"", "", StringComparison.Ordinal)}\"";
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0000" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = $"{symbol}#,##0{code};-{symbol}#,##0{code}" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = $"{symbol}#,##0.0000{code};-{symbol}#,##0.0000{code}" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "0.0%" })
        { Count = 4 };
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 };
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
        uint[] numberFormats = [0, 0, 1, 3, 4, 164, 165, 166, 167];
        var cellFormats = new CellFormats { Count = (uint)numberFormats.Length };
        for (int i = 0; i < numberFormats.Length; i++)
        {
            cellFormats.Append(new CellFormat
            {
                NumberFormatId = numberFormats[i],
                FontId = i == Header ? 1u : 0u,
                FillId = 0,
                BorderId = 0,
                FormatId = 0,
                ApplyNumberFormat = numberFormats[i] != 0 ? true : null,
                ApplyFont = i == Header ? true : null,
            });
        }
        return new Stylesheet(formats, fonts, fills, borders, cellStyleFormats, cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
