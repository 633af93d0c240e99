using System.Text;
using System.Text.Json;
using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Core.Tests.Support;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Export;

/// <summary>
/// Per-iteration draws (issue 14 §3): read back with Parquet.Net (and as CSV), the rows' statistics are the run's JSON
/// results exactly; the bytes do not depend on the thread count; a cancelled or failing run stops cleanly.
/// </summary>
public class DrawsTests
{
    // More than two blocks of iterations, so blocks finish out of order on two threads and several row groups are written.
    private const long Iterations = 2 * BlockScheduler.BlockSize + 300;

    private static CompiledModel Payer()
    {
        var scenario = ScenarioLoader.ReadFile(Path.Combine(RepositoryFiles.ScenariosDirectory, "payer-commercial-1m.json")).Scenario!;
        return ModelCompiler.Compile(scenario);
    }

    private static (SimulationResult Result, byte[] Bytes) Run(CompiledModel model, DrawsFormat format, int threads,
        long iterations = Iterations, IReadOnlyList<string>? metrics = null)
    {
        using var stream = new MemoryStream();
        var result = DrawsRun.Run(model, new RunOptions(iterations, model.Scenario.Simulation.Seed, threads), stream, format, metrics);
        return (result, stream.ToArray());
    }

    [Fact]
    public void TheParquetDrawsGiveTheJsonResultsExactly()
    {
        var model = Payer();
        var (result, bytes) = Run(model, DrawsFormat.Parquet, threads: 2);

        var table = DrawsTable.ReadParquet(bytes);

        string[] metrics = ["identified", "treatedNew", "onTreatment", "doses", "costWith", "costWithout", "budgetImpact"];
        var inputs = DriverInput.Uncertain(model).Select(i => i.Path).ToArray();
        Assert.Equal(["iteration", "indication", "year", .. metrics, .. inputs], table.Names);
        Assert.Equal(3, table.RowGroups);
        Assert.All(table.Fields.Take(3 + metrics.Length), f => Assert.False(f.IsNullable));
        Assert.Equal("20261124", table.Metadata["funnelsim.seed"]);
        Assert.Equal(Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), table.Metadata["funnelsim.iterations"]);
        int compared = CompareWithJson(result, table, metrics);
        Assert.Equal(4 * 5 * metrics.Length, compared);
    }

    [Fact]
    public void TheCsvDrawsGiveTheJsonResultsExactly()
    {
        var model = Payer();
        var (result, bytes) = Run(model, DrawsFormat.Csv, threads: 2);

        string[] metrics = ["identified", "treatedNew", "onTreatment", "doses", "costWith", "costWithout", "budgetImpact"];
        var table = DrawsTable.ReadCsv(Encoding.UTF8.GetString(bytes), new HashSet<string>(metrics.Take(4)));

        Assert.Equal((int)Iterations * 4 * 5, table.Rows);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        CompareWithJson(result, table, metrics);
    }

    [Fact]
    public void TheRowsComeInIterationIndicationYearOrderAndTheInputsAreThoseDriversRanks()
    {
        var model = Payer();
        var (_, bytes) = Run(model, DrawsFormat.Parquet, threads: 2);
        var table = DrawsTable.ReadParquet(bytes);

        string[] groups = ["nsclc", "pdac", "cca", "total"];
        for (int r = 0; r < table.Rows; r++)
        {
            Assert.Equal(r / 20, table.Iteration[r]);
            Assert.Equal(groups[r % 20 / 5], table.Indication[r]);
            Assert.Equal(2026 + r % 5, table.Year[r]);
        }
        // The drivers analysis's own sample of the same run: the same value per input and iteration.
        var inputs = DriverInput.Uncertain(model);
        var cell = new OutputSelection("treatedNew").Resolve(model);
        var (sample, _) = DriversSample.Collect(model, inputs, cell, (int)Iterations, model.Scenario.Simulation.Seed, 2, null,
            CancellationToken.None);
        for (int j = 0; j < inputs.Count; j++)
        {
            var column = table.Doubles[inputs[j].Path];
            for (int k = 0; k < Iterations; k++)
            {
                Assert.Equal(sample.Inputs[j][k], column[k * 20]);
                Assert.Equal(sample.Inputs[j][k], column[k * 20 + 19]);
            }
        }
        // The total's treatedNew in the last year is the output drivers would rank.
        var treated = table.Longs["treatedNew"];
        for (int k = 0; k < Iterations; k++) Assert.Equal(sample.Output[k], (double)treated[k * 20 + 19]!.Value);
    }

    [Theory]
    [InlineData(DrawsFormat.Parquet)]
    [InlineData(DrawsFormat.Csv)]
    public void TheBytesAreTheSameForAnyThreadCount(DrawsFormat format)
    {
        var model = Payer();
        var (one, single) = Run(model, format, threads: 1);
        var (_, two) = Run(model, format, threads: 2);

        Assert.Equal(single, two);
        // And the results are those of a plain run.
        var plain = Simulator.Run(model, new RunOptions(Iterations, model.Scenario.Simulation.Seed, 2));
        Assert.Equal(Comparable(plain), Comparable(one));
    }

    private static string Comparable(SimulationResult result) =>
        ResultJson.Write(result with { Run = result.Run with { Threads = 0, ElapsedSeconds = 0 } });

    [Fact]
    public void ChosenMetricsComeInTheOrderGivenWithNullsWhereAGroupHasNone()
    {
        var model = Payer();
        string[] metrics = ["budgetImpactPerTreated", "cumulativeBudgetImpact", "tested", "pmpm"];
        var (result, bytes) = Run(model, DrawsFormat.Parquet, threads: 2, iterations: 500, metrics: metrics);
        var table = DrawsTable.ReadParquet(bytes);

        Assert.Equal(["iteration", "indication", "year", .. metrics], table.Names.Take(3 + metrics.Length));
        Assert.Equal([true, true, false, false], table.Fields.Skip(3).Take(4).Select(f => f.IsNullable));
        var cumulative = table.Doubles["cumulativeBudgetImpact"];
        for (int r = 0; r < table.Rows; r++) Assert.Equal(table.Indication[r] == "total", cumulative[r] is not null);
        // PMPM is the budget impact over member-months, row by row.
        var impact = DrawsTable.ReadParquet(Run(model, DrawsFormat.Parquet, 2, 500, ["budgetImpact"]).Bytes).Doubles["budgetImpact"];
        double members = ((PlanPopulation)model.Scenario.Population).Members;
        for (int r = 0; r < table.Rows; r++) Assert.Equal(Math.Round(impact[r]!.Value * 100) / (100 * (members * 12)), table.Doubles["pmpm"][r]);
        CompareWithJson(result, table, ["budgetImpactPerTreated", "cumulativeBudgetImpact", "tested"]);
    }

    [Fact]
    public void UnknownMetricNamesAreRefusedWithTheClosestName()
    {
        var model = Payer();

        Assert.Null(DrawsRun.CheckMetrics(model, ["treatedNew", "payer-approved", "pmpm"]));
        Assert.Contains("did you mean 'treatedNew'?", DrawsRun.CheckMetrics(model, ["treatedNew", "tretedNew"]));
        Assert.Contains("given twice", DrawsRun.CheckMetrics(model, ["doses", "doses"]));
        Assert.Contains("no costs block", DrawsRun.CheckMetrics(ModelCompiler.Compile(model.Scenario with { Costs = null }), ["budgetImpact"]));
        Assert.Equal(["identified", "treatedNew", "onTreatment", "doses"],
            DrawsRun.DefaultMetrics(ModelCompiler.Compile(model.Scenario with { Costs = null })));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ACancelledRunStopsWithoutFinishingTheFile(int threads)
    {
        var model = Payer();
        using var cancel = new CancellationTokenSource();
        using var stream = new MemoryStream();
        var progress = new SynchronousProgress(p => { if (p.Done >= BlockScheduler.BlockSize) cancel.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() => DrawsRun.Run(model,
            new RunOptions(40 * BlockScheduler.BlockSize, 1, threads), stream, DrawsFormat.Parquet, null, progress, cancel.Token));
        // No footer: not a Parquet file (the caller's atomic file discards it).
        Assert.ThrowsAny<Exception>(() => DrawsTable.ReadParquet(stream.ToArray()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFileThatCannotBeWrittenFailsTheRunWithItsErrorAndNoWorkerWaitsForever(int threads)
    {
        var model = Payer();
        using var stream = new FailingStream(afterBytes: 100_000);

        var error = Assert.Throws<IOException>(() => DrawsRun.Run(model, new RunOptions(20 * BlockScheduler.BlockSize, 1, threads),
            stream, DrawsFormat.Csv));
        Assert.Equal("disk full", error.Message);
    }

    /// <summary>Compares each group × year × metric's statistics of the rows with the JSON results; returns how many.</summary>
    private static int CompareWithJson(SimulationResult result, DrawsTable table, IReadOnlyList<string> metrics)
    {
        using var json = JsonDocument.Parse(ResultJson.Write(result));
        var groups = json.RootElement.GetProperty("indications").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("years")))
            .Append(("total", json.RootElement.GetProperty("total").GetProperty("years")));
        int compared = 0;
        foreach (var (group, years) in groups)
        {
            foreach (var year in years.EnumerateArray())
            {
                int calendar = year.GetProperty("year").GetInt32();
                var rows = Enumerable.Range(0, table.Rows).Where(r => table.Indication[r] == group && table.Year[r] == calendar).ToArray();
                Assert.Equal(result.Run.Iterations, rows.Length);
                foreach (string metric in metrics)
                {
                    if (!year.GetProperty("metrics").TryGetProperty(metric, out var expected))
                    {
                        Assert.All(rows, r => Assert.Null(table.Longs.TryGetValue(metric, out var l) ? l[r] : table.Doubles[metric][r]));
                        continue;
                    }
                    if (table.Longs.TryGetValue(metric, out var longs))
                        CompareCounts([.. rows.Select(r => longs[r]!.Value)], expected, $"{group} {calendar} {metric}");
                    else
                        CompareMoney([.. rows.Select(r => table.Doubles[metric][r]).OfType<double>()], expected, $"{group} {calendar} {metric}");
                    compared++;
                }
            }
        }
        return compared;
    }

    /// <summary>Mean and sd as the results compute them (exact integer sums), percentiles type 7, min and max: all exact.</summary>
    private static void CompareCounts(long[] values, JsonElement expected, string what)
    {
        long n = values.Length, sum = 0;
        Int128 squares = 0;
        foreach (long v in values)
        {
            sum += v;
            squares += (Int128)v * v;
        }
        Assert.True(expected.GetProperty("mean").GetDouble() == (double)sum / n, what);
        Assert.True(expected.GetProperty("sd").GetDouble() == Math.Sqrt((double)(n * squares - (Int128)sum * sum) / ((double)n * (n - 1))), what);
        Array.Sort(values);
        foreach (var (p, name) in new[] { (0.05, "p5"), (0.10, "p10"), (0.25, "p25"), (0.50, "p50"), (0.75, "p75"), (0.90, "p90"), (0.95, "p95") })
        {
            double h = (n - 1) * p;
            long low = (long)Math.Floor(h);
            long high = Math.Min(low + 1, n - 1);
            double type7 = values[low] + (h - low) * (values[high] - values[low]);
            Assert.True(expected.GetProperty(name).GetDouble() == type7, $"{what} {name}: {expected.GetProperty(name)} vs {type7}");
        }
        Assert.True(expected.GetProperty("min").GetDouble() == values[0], what);
        Assert.True(expected.GetProperty("max").GetDouble() == values[^1], what);
    }

    /// <summary>Money: the rows are whole cents; mean and sd from exact sums of cents, min and max exact (percentiles come
    /// from the results' sketch, within 0.1%, so they are not compared exactly).</summary>
    private static void CompareMoney(double[] values, JsonElement expected, string what)
    {
        long n = values.Length;
        Int128 sum = 0, squares = 0;
        var cents = values.Select(v => (long)Math.Round(v * 100)).ToArray();
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(cents[k] / 100.0, values[k]);
            sum += cents[k];
            squares += (Int128)cents[k] * cents[k];
        }
        if (expected.TryGetProperty("iterations", out var defined)) Assert.Equal(defined.GetInt64(), n);
        if (n == 0) return; // a per-treated amount with nobody ever on treatment: the results say 0
        Assert.True(expected.GetProperty("mean").GetDouble() == (double)sum / n / 100, $"{what} mean");
        double sd = n > 1 ? Math.Sqrt((double)(n * squares - sum * sum) / ((double)n * (n - 1))) / 100 : 0;
        Assert.True(expected.GetProperty("sd").GetDouble() == sd, $"{what} sd");
        Assert.True(expected.GetProperty("min").GetDouble() == cents.Min() / 100.0, $"{what} min");
        Assert.True(expected.GetProperty("max").GetDouble() == cents.Max() / 100.0, $"{what} max");
    }

    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }

    private sealed class FailingStream(long afterBytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > afterBytes) throw new IOException("disk full");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    }
}
