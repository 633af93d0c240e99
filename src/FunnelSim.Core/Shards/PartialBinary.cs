using System.Text;
using FunnelSim.Engine;
using FunnelSim.Json;

namespace FunnelSim.Shards;

/// <summary>
/// A partial in compact binary form, for the wire between a cluster's workers and its coordinator: the same content as
/// the partial file (<see cref="PartialJson"/>), checked the same way when read, under half its size and far cheaper to
/// write and read (no text to format or parse: a base-case shard's exact histograms are ~7 MB of JSON). Files on disk stay
/// JSON, the documented format; this form is private to one version of the program (the engine version is checked
/// before a partial merges).
/// </summary>
/// <remarks>
/// Layout (little-endian; "varint" is LEB128 of the zigzag-encoded value): the magic bytes <c>FSPB</c>, a format version
/// byte, then the header strings (command, engine version, scenario SHA-256, sampling, the scenario's canonical JSON) and
/// numbers (seed, iterations, shard index and count, threads, elapsed seconds), then the state: the count cells, a flag
/// and the money cells, a flag and the threshold cells. A store of counts is its first bin, the number of entries, then per
/// entry a count or −k for k empty bins in a row, as in the file.
/// </remarks>
public static class PartialBinary
{
    private static ReadOnlySpan<byte> Magic => "FSPB"u8;

    /// <summary>The version of the binary form this program writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The partial in binary form.</summary>
    public static byte[] Write(PartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(partial.Command);
            writer.Write(partial.EngineVersion);
            writer.Write(partial.ScenarioSha256);
            writer.Write(partial.Sampling);
            writer.Write(ScenarioWriter.Write(partial.Scenario));
            writer.Write(partial.Seed);
            writer.Write(partial.Iterations);
            writer.Write(partial.Shard.Index);
            writer.Write(partial.Shard.Count);
            writer.Write(partial.Threads);
            writer.Write(partial.ElapsedSeconds);
            var state = partial.State;
            WriteCells(writer, state.Cells);
            writer.Write(state.Money is not null);
            if (state.Money is { } money) WriteMoney(writer, money);
            writer.Write(state.Exceedances is not null);
            if (state.Exceedances is { } exceedances) WriteCells(writer, exceedances);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a partial from its binary form; <see cref="PartialLoadResult.Error"/> says what is wrong.</summary>
    public static PartialLoadResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length + 1 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            return PartialJson.Failure("not a binary partial (no FSPB header)");
        if (bytes[Magic.Length] != FormatVersion)
            return PartialJson.Failure($"binary partial version {bytes[Magic.Length]}; this funnelsim reads version {FormatVersion}");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + 1, bytes.Length - Magic.Length - 1, writable: false),
                Encoding.UTF8);
            string command = reader.ReadString(), engineVersion = reader.ReadString(), hash = reader.ReadString(),
                sampling = reader.ReadString(), scenario = reader.ReadString();
            var header = new PartialHeader(command, engineVersion, hash, reader.ReadUInt64(), reader.ReadInt64(), sampling,
                reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());
            // The wire form records no iteration range of its own: the shard's is implied (Validate checks the shard first).
            long first = -1, end = -1;
            if (Shard.TryParse($"{header.ShardIndex}/{header.ShardCount}", out var shard, out _))
                (first, end) = (shard!.First(header.Iterations), shard.End(header.Iterations));
            return header.Validate(scenario, first, end, () =>
            {
                var cells = ReadCells(reader);
                var money = reader.ReadBoolean() ? ReadMoney(reader) : null;
                var exceedances = reader.ReadBoolean() ? ReadCells(reader) : null;
                if (reader.BaseStream.Position != reader.BaseStream.Length)
                    throw new FormatException("bytes after the end of the state");
                return new RunState(cells, money, exceedances);
            });
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or OverflowException or ArgumentException
                                      or InvalidOperationException or IndexOutOfRangeException)
        {
            return PartialJson.Failure($"not a valid binary partial: {e.Message}");
        }
    }

    private static void WriteCells(BinaryWriter writer, CellAccumulators cells)
    {
        writer.Write(cells.Iterations);
        writer.Write(cells.CellCount);
        for (int c = 0; c < cells.CellCount; c++)
        {
            writer.Write(cells.Sum(c));
            WriteInt128(writer, cells.SumOfSquares(c));
            var distribution = cells.Histogram(c);
            if (distribution.Exact is { } histogram)
            {
                writer.Write(false);
                var (min, max) = histogram.Range();
                WriteStore(writer, min, max, histogram.CountOf);
            }
            else
            {
                writer.Write(true);
                var (min, max) = distribution.Range();
                writer.Write(min);
                writer.Write(max);
                WriteSketch(writer, distribution.Sketch!);
            }
        }
        // Latin hypercube: each replicate's rows and exact per-cell sums (none under Monte Carlo).
        writer.Write(cells.Replicates);
        for (int r = 0; r < cells.Replicates; r++)
        {
            writer.Write(cells.ReplicateRows(r));
            for (int c = 0; c < cells.CellCount; c++) writer.Write(cells.ReplicateSum(r, c));
        }
    }

    private static CellAccumulators ReadCells(BinaryReader reader)
    {
        long iterations = reader.ReadInt64();
        int cells = reader.ReadInt32();
        if (cells < 0 || cells > reader.BaseStream.Length) throw new FormatException($"{cells} cells");
        var sums = new long[cells];
        var squares = new Int128[cells];
        var histograms = new CountDistribution[cells];
        long bound = CellAccumulators.ExactWidthFor(cells);
        for (int c = 0; c < cells; c++)
        {
            sums[c] = reader.ReadInt64();
            squares[c] = ReadInt128(reader);
            if (reader.ReadBoolean())
            {
                long min = reader.ReadInt64(), max = reader.ReadInt64();
                histograms[c] = CountDistribution.RestoreSketch(bound, ReadSketch(reader), min, max);
            }
            else
            {
                var histogram = histograms[c] = new CountDistribution(bound);
                ReadStore(reader, histogram.Exact!.Add);
            }
        }
        var restored = CellAccumulators.Restore(iterations, sums, squares, histograms);
        int replicates = reader.ReadInt32();
        if (replicates < 0 || (long)replicates * cells > reader.BaseStream.Length) throw new FormatException($"{replicates} replicates");
        if (replicates > 0)
        {
            var rows = new long[replicates];
            var replicateSums = new long[replicates * cells];
            for (int r = 0; r < replicates; r++)
            {
                rows[r] = reader.ReadInt64();
                for (int c = 0; c < cells; c++) replicateSums[r * cells + c] = reader.ReadInt64();
            }
            restored.RestoreReplicates(rows, replicateSums);
        }
        return restored;
    }

    private static void WriteMoney(BinaryWriter writer, MoneyAccumulators money)
    {
        writer.Write(money.Rows);
        writer.Write(money.CellCount);
        for (int c = 0; c < money.CellCount; c++)
        {
            writer.Write(money.Count(c));
            WriteInt128(writer, money.Sum(c));
            WriteInt128(writer, money.SumOfSquares(c));
            var (min, max) = money.Range(c);
            writer.Write(min);
            writer.Write(max);
            WriteSketch(writer, money.Sketch(c));
        }
        // Latin hypercube: each replicate's per-cell count of values and exact sum (none under Monte Carlo).
        writer.Write(money.Replicates);
        for (int r = 0; r < money.Replicates; r++)
        {
            for (int c = 0; c < money.CellCount; c++)
            {
                writer.Write(money.ReplicateCount(r, c));
                WriteInt128(writer, money.ReplicateSum(r, c));
            }
        }
    }

    private static MoneyAccumulators ReadMoney(BinaryReader reader)
    {
        long rows = reader.ReadInt64();
        int cells = reader.ReadInt32();
        if (cells < 0 || cells > reader.BaseStream.Length) throw new FormatException($"{cells} money cells");
        var counts = new long[cells];
        var sums = new Int128[cells];
        var squares = new Int128[cells];
        var min = new long[cells];
        var max = new long[cells];
        var sketches = new LogBucketSketch[cells];
        for (int c = 0; c < cells; c++)
        {
            counts[c] = reader.ReadInt64();
            sums[c] = ReadInt128(reader);
            squares[c] = ReadInt128(reader);
            min[c] = reader.ReadInt64();
            max[c] = reader.ReadInt64();
            sketches[c] = ReadSketch(reader);
        }
        var restored = MoneyAccumulators.Restore(rows, counts, sums, squares, min, max, sketches);
        int replicates = reader.ReadInt32();
        if (replicates < 0 || (long)replicates * cells > reader.BaseStream.Length) throw new FormatException($"{replicates} replicates");
        if (replicates > 0)
        {
            var replicateCounts = new long[replicates * cells];
            var replicateSums = new Int128[replicates * cells];
            for (int i = 0; i < replicates * cells; i++)
            {
                replicateCounts[i] = reader.ReadInt64();
                replicateSums[i] = ReadInt128(reader);
            }
            restored.RestoreReplicates(replicates, replicateSums, replicateCounts);
        }
        return restored;
    }

    private static void WriteSketch(BinaryWriter writer, LogBucketSketch sketch)
    {
        writer.Write(sketch.Zeros);
        WriteBuckets(writer, sketch.Positive);
        WriteBuckets(writer, sketch.Negative);
    }

    private static LogBucketSketch ReadSketch(BinaryReader reader)
    {
        var sketch = new LogBucketSketch();
        sketch.AddZeros(reader.ReadInt64());
        ReadStore(reader, (index, n) => sketch.Positive.Add(checked((int)index), n));
        ReadStore(reader, (index, n) => sketch.Negative.Add(checked((int)index), n));
        return sketch;
    }

    private static void WriteBuckets(BinaryWriter writer, BucketCounts buckets) =>
        WriteStore(writer, buckets.Offset, buckets.Offset + buckets.Width - 1, buckets.CountAt);

    /// <summary>The bins in <see cref="PartialJson.RunLength"/> form: the first bin, the number of entries, the entries.</summary>
    private static void WriteStore(BinaryWriter writer, long first, long last, Func<long, long> countOf)
    {
        var (offset, entries) = PartialJson.RunLength(first, last, countOf);
        WriteVarint(writer, offset);
        writer.Write7BitEncodedInt(entries.Count);
        foreach (long entry in entries) WriteVarint(writer, entry);
    }

    private static void ReadStore(BinaryReader reader, Action<long, long> add)
    {
        long at = ReadVarint(reader);
        int entries = reader.Read7BitEncodedInt();
        for (int e = 0; e < entries; e++)
        {
            long entry = ReadVarint(reader);
            if (entry == 0) throw new FormatException("an entry of 0 in a store of counts");
            if (entry < 0)
            {
                at = checked(at - entry);
                continue;
            }
            add(at, entry);
            at++;
        }
    }

    private static void WriteVarint(BinaryWriter writer, long value) => writer.Write7BitEncodedInt64((value << 1) ^ (value >> 63));

    private static long ReadVarint(BinaryReader reader)
    {
        long zigzag = reader.Read7BitEncodedInt64();
        return (long)((ulong)zigzag >> 1) ^ -(zigzag & 1);
    }

    private static void WriteInt128(BinaryWriter writer, Int128 value)
    {
        writer.Write((ulong)value);
        writer.Write((long)(value >> 64));
    }

    private static Int128 ReadInt128(BinaryReader reader)
    {
        ulong low = reader.ReadUInt64();
        long high = reader.ReadInt64();
        return ((Int128)high << 64) | low;
    }
}
