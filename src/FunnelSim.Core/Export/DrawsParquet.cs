using Parquet;
using Parquet.Schema;

namespace FunnelSim.Export;

/// <summary>
/// Draws as Apache Parquet (Parquet.Net): <c>iteration</c> int64, <c>indication</c> string, <c>year</c> int32, each count
/// metric int64, each money metric double in currency units (whole cents), each input double; a metric column is
/// optional (nullable) only where some row has no value. Each block of iterations becomes one row group (split by whole
/// iterations beyond <see cref="MaxRowGroupRows"/> rows), Snappy-compressed. The footer's key-value metadata records
/// the run (seed, iterations, sampling, engine version, scenario). Nothing in the file depends on the thread count or the clock.
/// </summary>
internal sealed class DrawsParquet : DrawsWriter
{
    /// <summary>Rows of a row group at most (whole iterations; at least one iteration).</summary>
    public const int MaxRowGroupRows = 1 << 17;

    private readonly ParquetWriter _writer;
    private readonly DrawColumns _columns;
    private readonly DataField<long> _iteration;
    private readonly DataField<string> _indication;
    private readonly DataField<int> _year;
    private readonly DataField[] _metrics;
    private readonly DataField<double>[] _inputs;

    // Column buffers of one row group, reused (grown if a block is ever larger than the scheduler's).
    private long[] _iterations = [];
    private string[] _groups = [];
    private int[] _years = [];
    private long[] _longs = [];
    private long?[] _nullableLongs = [];
    private double[] _doubles = [];
    private double?[] _nullableDoubles = [];
    private readonly int _iterationsPerGroup;

    private DrawsParquet(ParquetWriter writer, DrawColumns columns, ParquetSchema schema, DataField[] metrics, DataField<double>[] inputs)
    {
        _writer = writer;
        _iteration = (DataField<long>)schema.DataFields[0];
        _indication = (DataField<string>)schema.DataFields[1];
        _year = (DataField<int>)schema.DataFields[2];
        _columns = columns;
        _metrics = metrics;
        _inputs = inputs;
        _iterationsPerGroup = Math.Max(1, MaxRowGroupRows / columns.RowsPerIteration);
        Reserve(Math.Min(_iterationsPerGroup, Engine.BlockScheduler.BlockSize) * columns.RowsPerIteration);
    }

    private void Reserve(int rows)
    {
        if (_iterations.Length >= rows) return;
        _iterations = new long[rows];
        _groups = new string[rows];
        _years = new int[rows];
        _longs = new long[rows];
        _nullableLongs = new long?[rows];
        _doubles = new double[rows];
        _nullableDoubles = new double?[rows];
    }

    public static ParquetSchema Schema(DrawColumns columns, out DataField[] metrics, out DataField<double>[] inputs)
    {
        metrics = [.. columns.Metrics.Select(m => m.Kind == DrawValueKind.Count
            ? (DataField)new DataField<long>(m.Name, nullable: m.Nullable)
            : new DataField<double>(m.Name, nullable: m.Nullable))];
        inputs = [.. columns.Inputs.Select(i => new DataField<double>(i.Path, nullable: false))];
        return new ParquetSchema([
            new DataField<long>("iteration", nullable: false), new DataField<string>("indication", nullable: false),
            new DataField<int>("year", nullable: false), .. metrics, .. inputs]);
    }

    public static DrawsParquet Create(Stream output, DrawColumns columns, IReadOnlyDictionary<string, string> metadata)
    {
        var schema = Schema(columns, out var metrics, out var inputs);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = ParquetWriter.CreateAsync(schema, output, options).GetAwaiter().GetResult();
        writer.CustomMetadata = metadata.ToDictionary();
        return new DrawsParquet(writer, columns, schema, metrics, inputs);
    }

    public override void Write(DrawBlock block)
    {
        for (int from = 0; from < block.Count; from += _iterationsPerGroup)
            WriteRowGroup(block, from, Math.Min(_iterationsPerGroup, block.Count - from));
    }

    public override void Finish() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void WriteRowGroup(DrawBlock block, int from, int count)
    {
        var columns = _columns;
        int groups = columns.Groups.Length, years = columns.Years, metrics = columns.Metrics.Length;
        int rows = count * columns.RowsPerIteration;
        Reserve(rows);
        for (int k = 0, r = 0; k < count; k++)
        {
            for (int g = 0; g < groups; g++)
            {
                for (int t = 0; t < years; t++, r++)
                {
                    _iterations[r] = block.First + from + k;
                    _groups[r] = columns.Groups[g];
                    _years[r] = columns.StartYear + t;
                }
            }
        }
        using var group = _writer.CreateRowGroup();
        Wait(group.WriteAsync(_iteration, new ReadOnlyMemory<long>(_iterations, 0, rows)));
        Wait(group.WriteAsync(_indication, new ArraySegment<string>(_groups, 0, rows)));
        Wait(group.WriteAsync(_year, new ReadOnlyMemory<int>(_years, 0, rows)));
        int stride = columns.ValuesPerIteration;
        for (int m = 0; m < metrics; m++)
        {
            var metric = columns.Metrics[m];
            for (int r = 0; r < rows; r++)
            {
                // Row r is iteration from + r / rowsPerIteration, cell (r mod rowsPerIteration) of that iteration.
                int k = from + r / columns.RowsPerIteration;
                long raw = block.Values[k * stride + (r % columns.RowsPerIteration) * metrics + m];
                switch (metric.Kind, metric.Nullable)
                {
                    case (DrawValueKind.Count, false): _longs[r] = raw; break;
                    case (DrawValueKind.Count, true): _nullableLongs[r] = raw == DrawColumns.Missing ? null : raw; break;
                    case (_, false): _doubles[r] = raw / metric.Divisor; break;
                    default: _nullableDoubles[r] = raw == DrawColumns.Missing ? null : raw / metric.Divisor; break;
                }
            }
            var field = _metrics[m];
            if (metric.Kind == DrawValueKind.Count)
                Wait(metric.Nullable
                    ? group.WriteAsync((DataField<long>)field, new ReadOnlyMemory<long?>(_nullableLongs, 0, rows))
                    : group.WriteAsync((DataField<long>)field, new ReadOnlyMemory<long>(_longs, 0, rows)));
            else
                Wait(metric.Nullable
                    ? group.WriteAsync((DataField<double>)field, new ReadOnlyMemory<double?>(_nullableDoubles, 0, rows))
                    : group.WriteAsync((DataField<double>)field, new ReadOnlyMemory<double>(_doubles, 0, rows)));
        }
        int inputs = columns.Inputs.Count;
        int perIteration = columns.RowsPerIteration;
        for (int j = 0; j < inputs; j++)
        {
            for (int k = 0, r = 0; k < count; k++)
            {
                double value = block.Inputs[(from + k) * inputs + j];
                for (int c = 0; c < perIteration; c++, r++) _doubles[r] = value;
            }
            Wait(group.WriteAsync(_inputs[j], new ReadOnlyMemory<double>(_doubles, 0, rows)));
        }
        group.CompleteValidate();
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}
