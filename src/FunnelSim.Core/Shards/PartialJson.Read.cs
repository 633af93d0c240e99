using System.Globalization;
using System.Text;
using System.Text.Json;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Export;

namespace FunnelSim.Shards;

// Reading a partial file back: every problem is an error message, never an exception.
public static partial class PartialJson
{
    /// <summary>Largest partial file read: 2 GiB less a little (the most a byte array holds).</summary>
    public const long MaxBytes = int.MaxValue - 1024;

    /// <summary>Reads a partial from UTF-8 JSON bytes; <see cref="PartialLoadResult.Error"/> says what is wrong.</summary>
    public static PartialLoadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble)) utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return Failure($"not valid JSON: {e.Message}");
        }
        using (document)
        {
            try
            {
                return ReadDocument(document.RootElement);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException
                                          or OverflowException or ArgumentException or IndexOutOfRangeException)
            {
                return Failure($"not a valid partial file: {e.Message}");
            }
        }
    }

    /// <summary>Reads a partial file; an unreadable file is an error, not an exception.</summary>
    public static PartialLoadResult ReadFile(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxBytes) return Failure("the file is larger than 2 GiB");
            return Read(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            return Failure($"cannot read it: {e.Message}");
        }
    }

    private static PartialLoadResult ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            return Failure($"not a partial file (no \"format\": \"{FormatName}\"); partial files are written by " +
                           "'funnelsim run|budget --shard K/N --out FILE'");
        int version = root.GetProperty("formatVersion").GetInt32();
        if (version != FormatVersion)
            return Failure($"partial format version {version}; this funnelsim reads version {FormatVersion} " +
                           "(merge with the version that wrote the shards)");

        var shardElement = root.GetProperty("shard");
        var header = new PartialHeader(root.GetProperty("command").GetString() ?? "",
            root.GetProperty("engineVersion").GetString() ?? "", root.GetProperty("scenarioSha256").GetString() ?? "",
            root.GetProperty("seed").GetUInt64(), root.GetProperty("iterations").GetInt64(),
            root.GetProperty("sampling").GetString() ?? "", shardElement.GetProperty("index").GetInt32(),
            shardElement.GetProperty("count").GetInt32(), root.GetProperty("threads").GetInt32(),
            root.GetProperty("elapsedSeconds").GetDouble());
        var state = root.GetProperty("state");
        return header.Validate(root.GetProperty("scenario").GetRawText(),
            shardElement.GetProperty("firstIteration").GetInt64(), shardElement.GetProperty("endIteration").GetInt64(),
            () => new RunState(ReadCells(state.GetProperty("cells")),
                state.TryGetProperty("money", out var m) ? ReadMoney(m) : null,
                state.TryGetProperty("exceedances", out var e) ? ReadCells(e) : null));
    }

    private static CellAccumulators ReadCells(JsonElement element)
    {
        var values = element.GetProperty("values");
        int cells = values.GetArrayLength();
        var sums = new long[cells];
        var squares = new Int128[cells];
        var histograms = new CountDistribution[cells];
        long bound = CellAccumulators.ExactWidthFor(cells);
        int c = 0;
        foreach (var value in values.EnumerateArray())
        {
            sums[c] = value.GetProperty("sum").GetInt64();
            squares[c] = ParseInt128(value.GetProperty("sumOfSquares"));
            if (value.TryGetProperty("sketch", out var sketchElement))
            {
                histograms[c] = CountDistribution.RestoreSketch(bound, ReadSketch(sketchElement),
                    sketchElement.GetProperty("min").GetInt64(), sketchElement.GetProperty("max").GetInt64());
            }
            else
            {
                var histogram = histograms[c] = new CountDistribution(bound);
                ReadStore(value.GetProperty("histogram"), histogram.Exact!.Add);
            }
            c++;
        }
        return CellAccumulators.Restore(element.GetProperty("iterations").GetInt64(), sums, squares, histograms);
    }

    private static MoneyAccumulators ReadMoney(JsonElement element)
    {
        var values = element.GetProperty("values");
        int cells = values.GetArrayLength();
        var counts = new long[cells];
        var sums = new Int128[cells];
        var squares = new Int128[cells];
        var min = new long[cells];
        var max = new long[cells];
        var sketches = new LogBucketSketch[cells];
        int c = 0;
        foreach (var value in values.EnumerateArray())
        {
            counts[c] = value.GetProperty("count").GetInt64();
            sums[c] = ParseInt128(value.GetProperty("sum"));
            squares[c] = ParseInt128(value.GetProperty("sumOfSquares"));
            min[c] = value.GetProperty("min").GetInt64();
            max[c] = value.GetProperty("max").GetInt64();
            sketches[c] = ReadSketch(value.GetProperty("sketch"));
            c++;
        }
        return MoneyAccumulators.Restore(element.GetProperty("rows").GetInt64(), counts, sums, squares, min, max, sketches);
    }

    private static LogBucketSketch ReadSketch(JsonElement element)
    {
        var sketch = new LogBucketSketch();
        sketch.AddZeros(element.GetProperty("zeros").GetInt64());
        ReadStore(element.GetProperty("positive"), (index, n) => sketch.Positive.Add(checked((int)index), n));
        ReadStore(element.GetProperty("negative"), (index, n) => sketch.Negative.Add(checked((int)index), n));
        return sketch;
    }

    private static void ReadStore(JsonElement store, Action<long, long> add)
    {
        long at = store.GetProperty("offset").GetInt64();
        foreach (var entry in store.GetProperty("counts").EnumerateArray())
        {
            long count = entry.GetInt64();
            if (count < 0)
            {
                at = checked(at - count);
                continue;
            }
            if (count > 0) add(at, count);
            at++;
        }
    }

    private static Int128 ParseInt128(JsonElement element) =>
        Int128.Parse(element.GetString() ?? throw new FormatException("a 128-bit sum must be a string of digits"),
            NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    internal static PartialLoadResult Failure(string error) => new(null, error);
}
