using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FunnelSim.Core.Tests.Export;

/// <summary>Reads a workbook back with the Open XML SDK: per sheet, rows of cells (text, or a number that is a number).</summary>
internal sealed class WorkbookReader
{
    public sealed record Value(string? Text, double? Number, string? NumberFormat);

    public WorkbookReader(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var cellFormats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<Dictionary<int, Value>>();
            foreach (var row in part.Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                var cells = new Dictionary<int, Value>();
                foreach (var cell in row.Elements<Cell>())
                {
                    int column = ColumnIndex(cell.CellReference!.Value!);
                    uint numberFormat = cellFormats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
                    cells[column] = cell.DataType?.Value == CellValues.InlineString
                        ? new Value(cell.InlineString!.InnerText, null, null)
                        : new Value(null, double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture),
                            formats.TryGetValue(numberFormat, out var code) ? code : numberFormat.ToString(CultureInfo.InvariantCulture));
                }
                rows.Add(cells);
            }
            Sheets[sheet.Name!.Value!] = rows;
        }
    }

    public Dictionary<string, List<Dictionary<int, Value>>> Sheets { get; } = [];

    public string[] Names => [.. Sheets.Keys];

    private static int ColumnIndex(string reference)
    {
        int index = 0;
        foreach (char c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }
}
