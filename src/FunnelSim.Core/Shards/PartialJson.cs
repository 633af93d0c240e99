using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FunnelSim.Engine;
using FunnelSim.Json;

namespace FunnelSim.Shards;

/// <summary>
/// The partial file (docs/scale-out.md, "The partial file"): a JSON object with <c>format</c>
/// (<see cref="FormatName"/>), <c>formatVersion</c> (<see cref="FormatVersion"/>), <c>command</c>, <c>engineVersion</c>,
/// <c>scenarioSha256</c>, <c>seed</c>, <c>iterations</c> (the whole run's), <c>sampling</c>, <c>shard</c>
/// (<c>index</c>, <c>count</c>, <c>firstIteration</c>, <c>endIteration</c>), <c>threads</c>, <c>elapsedSeconds</c>,
/// the <c>scenario</c> as run (canonical form) and the mergeable <c>state</c>. 128-bit sums are decimal strings; a
/// histogram or sketch store is an <c>offset</c> and dense <c>counts</c> in which a negative number −k stands for k
/// empty bins in a row. A count cell holds its exact <c>histogram</c>, or, past the exact bound, a <c>sketch</c> with
/// the exact <c>min</c> and <c>max</c>. Each cell's state is written on one line. Under Latin hypercube sampling the
/// cells, money and threshold states also hold <c>replicates</c>: per replicate hypercube one line with its exact
/// per-cell sums (and <c>rows</c>, or per-cell <c>counts</c> for money), from which the merge takes the mean of the
/// replicate means and its standard error.
/// </summary>
public static partial class PartialJson
{
    /// <summary>The value of <c>format</c>: what the file is.</summary>
    public const string FormatName = "funnelsim-partial";

    /// <summary>The value of <c>formatVersion</c> this program writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The partial as indented JSON text.</summary>
    public static string Write(PartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("command", partial.Command);
            writer.WriteString("engineVersion", partial.EngineVersion);
            writer.WriteString("scenarioSha256", partial.ScenarioSha256);
            writer.WriteNumber("seed", partial.Seed);
            writer.WriteNumber("iterations", partial.Iterations);
            writer.WriteString("sampling", partial.Sampling);
            writer.WriteStartObject("shard");
            writer.WriteNumber("index", partial.Shard.Index);
            writer.WriteNumber("count", partial.Shard.Count);
            writer.WriteNumber("firstIteration", partial.FirstIteration);
            writer.WriteNumber("endIteration", partial.EndIteration);
            writer.WriteEndObject();
            writer.WriteNumber("threads", partial.Threads);
            writer.WriteNumber("elapsedSeconds", Math.Round(partial.ElapsedSeconds, 3));
            writer.WritePropertyName("scenario");
            ScenarioWriter.Write(writer, partial.Scenario);
            writer.WriteStartObject("state");
            var state = partial.State;
            writer.WritePropertyName("cells");
            WriteCells(writer, state.Cells);
            if (state.Money is { } money)
            {
                writer.WritePropertyName("money");
                WriteMoney(writer, money);
            }
            if (state.Exceedances is { } exceedances)
            {
                writer.WritePropertyName("exceedances");
                WriteCells(writer, exceedances);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    private static void WriteCells(Utf8JsonWriter writer, CellAccumulators cells)
    {
        writer.WriteStartObject();
        writer.WriteNumber("iterations", cells.Iterations);
        writer.WriteStartArray("values");
        for (int c = 0; c < cells.CellCount; c++)
        {
            writer.WriteRawValue(Compact(cell =>
            {
                cell.WriteStartObject();
                cell.WriteNumber("sum", cells.Sum(c));
                cell.WriteString("sumOfSquares", cells.SumOfSquares(c).ToString(CultureInfo.InvariantCulture));
                var distribution = cells.Histogram(c);
                if (distribution.Exact is { } histogram)
                {
                    cell.WritePropertyName("histogram");
                    var (min, max) = histogram.Range();
                    WriteStore(cell, min, max, histogram.CountOf);
                }
                else
                {
                    // A cell beyond the exact bound: its sketch and the exact range of its values.
                    var (min, max) = distribution.Range();
                    cell.WriteStartObject("sketch");
                    cell.WriteNumber("min", min);
                    cell.WriteNumber("max", max);
                    WriteSketch(cell, distribution.Sketch!);
                    cell.WriteEndObject();
                }
                cell.WriteEndObject();
            }), skipInputValidation: true);
        }
        writer.WriteEndArray();
        if (cells.Replicates > 0)
        {
            // Latin hypercube: per replicate, its rows and each cell's exact sum (one line per replicate).
            writer.WriteStartArray("replicates");
            for (int r = 0; r < cells.Replicates; r++)
            {
                int replicate = r;
                writer.WriteRawValue(Compact(line =>
                {
                    line.WriteStartObject();
                    line.WriteNumber("rows", cells.ReplicateRows(replicate));
                    line.WriteStartArray("sums");
                    for (int c = 0; c < cells.CellCount; c++) line.WriteNumberValue(cells.ReplicateSum(replicate, c));
                    line.WriteEndArray();
                    line.WriteEndObject();
                }), skipInputValidation: true);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter writer, MoneyAccumulators money)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rows", money.Rows);
        writer.WriteStartArray("values");
        for (int c = 0; c < money.CellCount; c++)
        {
            writer.WriteRawValue(Compact(cell =>
            {
                cell.WriteStartObject();
                cell.WriteNumber("count", money.Count(c));
                cell.WriteString("sum", money.Sum(c).ToString(CultureInfo.InvariantCulture));
                cell.WriteString("sumOfSquares", money.SumOfSquares(c).ToString(CultureInfo.InvariantCulture));
                var (min, max) = money.Range(c);
                cell.WriteNumber("min", min);
                cell.WriteNumber("max", max);
                cell.WriteStartObject("sketch");
                WriteSketch(cell, money.Sketch(c));
                cell.WriteEndObject();
                cell.WriteEndObject();
            }), skipInputValidation: true);
        }
        writer.WriteEndArray();
        if (money.Replicates > 0)
        {
            // Latin hypercube: per replicate, each cell's count of values and exact sum (one line per replicate).
            writer.WriteStartArray("replicates");
            for (int r = 0; r < money.Replicates; r++)
            {
                int replicate = r;
                writer.WriteRawValue(Compact(line =>
                {
                    line.WriteStartObject();
                    line.WriteStartArray("counts");
                    for (int c = 0; c < money.CellCount; c++) line.WriteNumberValue(money.ReplicateCount(replicate, c));
                    line.WriteEndArray();
                    line.WriteStartArray("sums");
                    for (int c = 0; c < money.CellCount; c++)
                        line.WriteStringValue(money.ReplicateSum(replicate, c).ToString(CultureInfo.InvariantCulture));
                    line.WriteEndArray();
                    line.WriteEndObject();
                }), skipInputValidation: true);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>One cell's state on one line: the counts are most of a partial file, and indenting each would triple it.</summary>
    private static byte[] Compact(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>A sketch's <c>zeros</c>, <c>positive</c> and <c>negative</c> stores (inside an object the caller opened).</summary>
    private static void WriteSketch(Utf8JsonWriter writer, LogBucketSketch sketch)
    {
        writer.WriteNumber("zeros", sketch.Zeros);
        writer.WritePropertyName("positive");
        WriteBuckets(writer, sketch.Positive);
        writer.WritePropertyName("negative");
        WriteBuckets(writer, sketch.Negative);
    }

    private static void WriteBuckets(Utf8JsonWriter writer, BucketCounts buckets) =>
        WriteStore(writer, buckets.Offset, buckets.Offset + buckets.Width - 1, buckets.CountAt);

    /// <summary><c>{ "offset": first, "counts": [...] }</c>: the <see cref="RunLength"/> form of the bins.</summary>
    private static void WriteStore(Utf8JsonWriter writer, long first, long last, Func<long, long> countOf)
    {
        var (offset, entries) = RunLength(first, last, countOf);
        writer.WriteStartObject();
        writer.WriteNumber("offset", offset);
        writer.WriteStartArray("counts");
        foreach (long entry in entries) writer.WriteNumberValue(entry);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The bins of [<paramref name="first"/>, <paramref name="last"/>] less their empty ends, as both partial forms store
    /// them: the first bin (0 when all are empty) and per entry a count, or −k for a run of k empty bins.
    /// </summary>
    internal static (long Offset, List<long> Entries) RunLength(long first, long last, Func<long, long> countOf)
    {
        while (first <= last && countOf(first) == 0) first++;
        while (last >= first && countOf(last) == 0) last--;
        var entries = new List<long>();
        long empty = 0;
        for (long i = first; i <= last; i++)
        {
            long count = countOf(i);
            if (count == 0)
            {
                empty++;
                continue;
            }
            if (empty > 0) entries.Add(-empty);
            empty = 0;
            entries.Add(count);
        }
        return (first > last ? 0 : first, entries);
    }
}
