using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace FunnelSim.Core.Tests.Export;

/// <summary>A draws file read back: its columns by name (Parquet with Parquet.Net; CSV by splitting lines).</summary>
internal sealed class DrawsTable
{
    public List<string> Names { get; } = [];
    public List<long> Iteration { get; } = [];
    public List<string> Indication { get; } = [];
    public List<int> Year { get; } = [];

    /// <summary>Integer columns (counts); null where a row has no value.</summary>
    public Dictionary<string, List<long?>> Longs { get; } = [];

    /// <summary>Floating-point columns (money, PMPM, inputs); null where a row has no value.</summary>
    public Dictionary<string, List<double?>> Doubles { get; } = [];

    public int RowGroups { get; private set; }

    public Dictionary<string, string> Metadata { get; private set; } = [];

    public List<DataField> Fields { get; } = [];

    public int Rows => Iteration.Count;

    public static DrawsTable ReadParquet(byte[] bytes)
    {
        var table = new DrawsTable();
        using var stream = new MemoryStream(bytes);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        table.RowGroups = reader.RowGroupCount;
        table.Metadata = new Dictionary<string, string>(reader.CustomMetadata);
        var fields = reader.Schema.GetDataFields();
        table.Fields.AddRange(fields);
        table.Names.AddRange(fields.Select(f => f.Name));
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            foreach (var field in fields)
            {
                if (field.Name == "indication")
                {
                    var values = new string?[rows];
                    group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    Assert.Equal("indication", field.Name);
                    table.Indication.AddRange(values.Select(v => v!));
                }
                else if (field.ClrType == typeof(int))
                {
                    var values = new int[rows];
                    group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    table.Year.AddRange(values);
                }
                else if (field.ClrType == typeof(long))
                {
                    var values = new long?[rows];
                    if (field.IsNullable) group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    else
                    {
                        var plain = new long[rows];
                        group.ReadAsync(field, plain.AsMemory()).AsTask().GetAwaiter().GetResult();
                        for (int r = 0; r < rows; r++) values[r] = plain[r];
                    }
                    if (field.Name == "iteration") table.Iteration.AddRange(values.Select(v => v!.Value));
                    else Column(table.Longs, field.Name).AddRange(values);
                }
                else
                {
                    Assert.Equal(typeof(double), field.ClrType);
                    var values = new double?[rows];
                    if (field.IsNullable) group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
                    else
                    {
                        var plain = new double[rows];
                        group.ReadAsync(field, plain.AsMemory()).AsTask().GetAwaiter().GetResult();
                        for (int r = 0; r < rows; r++) values[r] = plain[r];
                    }
                    Column(table.Doubles, field.Name).AddRange(values);
                }
            }
        }
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return table;
    }

    /// <summary>Reads CSV draws; <paramref name="integers"/> names the columns holding counts.</summary>
    public static DrawsTable ReadCsv(string text, IReadOnlySet<string> integers)
    {
        var table = new DrawsTable();
        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        table.Names.AddRange(lines[0].Split(','));
        foreach (string line in lines.Skip(1).SkipLast(1))
        {
            var fields = line.Split(',');
            Assert.Equal(table.Names.Count, fields.Length);
            table.Iteration.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
            table.Indication.Add(fields[1]);
            table.Year.Add(int.Parse(fields[2], CultureInfo.InvariantCulture));
            for (int c = 3; c < fields.Length; c++)
            {
                string name = table.Names[c];
                if (integers.Contains(name))
                    Column(table.Longs, name).Add(fields[c].Length == 0 ? null : long.Parse(fields[c], CultureInfo.InvariantCulture));
                else
                    Column(table.Doubles, name).Add(fields[c].Length == 0 ? null : double.Parse(fields[c], CultureInfo.InvariantCulture));
            }
        }
        return table;
    }

    private static List<T> Column<T>(Dictionary<string, List<T>> columns, string name) =>
        columns.TryGetValue(name, out var list) ? list : columns[name] = [];
}
