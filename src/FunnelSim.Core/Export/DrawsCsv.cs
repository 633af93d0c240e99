using System.Globalization;
using System.Text;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Draws as CSV for spreadsheets: a header row (<c>iteration,indication,year,</c> the metrics, the inputs' paths), then
/// one row per iteration × indication × year. Invariant culture; counts as integers; money in currency units with two
/// decimals (exactly the whole cents the engine kept); PMPM and inputs in the shortest form that reads back to the same
/// double; an empty field where a metric has no value. Text fields (the header's names, indication ids) go through
/// <see cref="CsvText"/>, which neutralises anything a spreadsheet would take for a formula, like every CSV FunnelSim
/// writes. Lines end with <c>\n</c>; UTF-8 without a byte-order mark.
/// </summary>
internal sealed class DrawsCsv : DrawsWriter
{
    private readonly StreamWriter _text;
    private readonly DrawColumns _columns;
    private readonly string[] _groups;
    private readonly string[] _years;
    private readonly StringBuilder _inputs = new();
    private readonly char[] _number = new char[64];

    public DrawsCsv(Stream output, DrawColumns columns)
    {
        _text = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _columns = columns;
        _groups = [.. columns.Groups.Select(CsvText.Field)];
        _years = [.. Enumerable.Range(columns.StartYear, columns.Years).Select(y => y.ToString(CultureInfo.InvariantCulture))];
        _text.Write(Header(columns));
        _text.Write('\n');
    }

    /// <summary>The header row, without its line end.</summary>
    public static string Header(DrawColumns columns) => string.Join(',',
        ["iteration", "indication", "year", .. columns.Metrics.Select(m => CsvText.Field(m.Name)),
            .. columns.Inputs.Select(i => CsvText.Field(i.Path))]);

    public override void Write(DrawBlock block)
    {
        var columns = _columns;
        int metrics = columns.Metrics.Length, inputs = columns.Inputs.Count, stride = columns.ValuesPerIteration;
        for (int k = 0; k < block.Count; k++)
        {
            // The inputs are the same on every row of an iteration: formatted once.
            _inputs.Clear();
            for (int j = 0; j < inputs; j++) _inputs.Append(',').Append(block.Inputs[k * inputs + j].ToString("R", CultureInfo.InvariantCulture));
            string iteration = (block.First + k).ToString(CultureInfo.InvariantCulture);
            for (int g = 0, cell = 0; g < _groups.Length; g++)
            {
                for (int t = 0; t < columns.Years; t++, cell++)
                {
                    _text.Write(iteration);
                    _text.Write(',');
                    _text.Write(_groups[g]);
                    _text.Write(',');
                    _text.Write(_years[t]);
                    for (int m = 0; m < metrics; m++)
                    {
                        _text.Write(',');
                        long raw = block.Values[k * stride + cell * metrics + m];
                        if (raw != DrawColumns.Missing) WriteValue(columns.Metrics[m], raw);
                    }
                    _text.Write(_inputs);
                    _text.Write('\n');
                }
            }
        }
    }

    public override void Finish()
    {
        _text.Flush();
        _text.Dispose();
    }

    private void WriteValue(DrawMetric metric, long raw)
    {
        int length;
        switch (metric.Kind)
        {
            case DrawValueKind.Count:
                raw.TryFormat(_number, out length, default, CultureInfo.InvariantCulture);
                break;
            case DrawValueKind.Money:
                // Whole cents as currency units with two decimals, from the integer: exact, no rounding of a double.
                ulong magnitude = raw < 0 ? (ulong)-raw : (ulong)raw;
                length = 0;
                if (raw < 0) _number[length++] = '-';
                (magnitude / 100).TryFormat(_number.AsSpan(length), out int whole, default, CultureInfo.InvariantCulture);
                length += whole;
                _number[length++] = '.';
                ulong cents = magnitude % 100;
                _number[length++] = (char)('0' + cents / 10);
                _number[length++] = (char)('0' + cents % 10);
                break;
            default:
                (raw / metric.Divisor).TryFormat(_number, out length, "R", CultureInfo.InvariantCulture);
                break;
        }
        _text.Write(_number, 0, length);
    }
}
