using System.Text;
using FunnelSim.Analysis;
using FunnelSim.Sweeps;
using FunnelSim.Json;

namespace FunnelSim.Core.Tests.Reliability;

/// <summary>Issue 12, items 10 and 11: positions in linear time, cancellable validation, reads bounded by bytes read.</summary>
public class InputBoundsTests
{
    private static byte[] MinifiedScenarioWithPadding(int items)
    {
        var json = new StringBuilder("{\"schemaVersion\":1,\"name\":\"Müller → x\",\"padding\":[");
        for (int i = 0; i < items; i++) json.Append(i == 0 ? "" : ",").Append("{\"a\":").Append(i).Append(",\"b\":\"ü\"}");
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    [Fact]
    public void Positions_on_one_long_line_cost_a_bounded_scan_per_token()
    {
        // Given a minified file: one line of about 1 MB and 150,000 tokens
        byte[] bytes = MinifiedScenarioWithPadding(30_000);
        var lines = new LineIndex(bytes);

        // When every value is positioned
        Assert.NotNull(PositionMap.Build(bytes, lines, 64, out var error));
        Assert.Null(error);

        // Then each lookup scanned at most one checkpoint interval, not the line up to the token (quadratic: ~10^11 bytes)
        Assert.True(lines.BytesScanned < 300L * 200_000, $"{lines.BytesScanned:N0} bytes scanned for {bytes.Length:N0} bytes of input");
    }

    [Fact]
    public void Columns_count_characters_exactly_as_UTF8_decoding_does()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("ab ü → 😀 x\n" + new string('y', 300) + "é", 40)));
        var lines = new LineIndex(bytes);
        int lineStart = 0, line = 1;
        for (int offset = 0; offset <= bytes.Length; offset++)
        {
            // Only character boundaries are positioned (token starts).
            if (offset < bytes.Length && (bytes[offset] & 0xC0) == 0x80) continue;
            int expected = Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
            Assert.Equal((line, expected), lines.At(offset));
            if (offset < bytes.Length && bytes[offset] == '\n')
            {
                line++;
                lineStart = offset + 1;
            }
        }
    }

    [Fact]
    public void Validation_observes_cancellation()
    {
        byte[] bytes = MinifiedScenarioWithPadding(10_000);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ScenarioReader.Read(bytes, cancelled.Token));
    }

    [Fact]
    public async Task A_library_call_without_a_token_still_returns_at_once_when_cancelled()
    {
        // Given a call that would never finish on its own (as an ML.NET fit may run for seconds)
        using var never = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        using var cancellation = new CancellationTokenSource();
        bool asked = false;
        var call = Task.Run(() => Interruptible.Run(() => { started.Release(); never.Wait(); return 1; }, cancellation.Token, () => asked = true));
        await started.WaitAsync();

        // When cancelled
        await cancellation.CancelAsync();

        // Then the caller gets its OperationCanceledException, and the library was asked to stop
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(asked);
        never.Set();
    }

    [Fact]
    public void Reads_are_bounded_by_bytes_read_not_the_reported_length()
    {
        if (!File.Exists("/dev/zero")) return;
        // /dev/zero reports length 0 and never ends: before, it was read until memory ran out.
        Assert.Null(BoundedFile.ReadAllBytes("/dev/zero", 1000));
        var refused = Assert.Single(ScenarioReader.ReadFile("/dev/zero").Diagnostics);
        Assert.Contains("more than 16 MiB", refused.Message);
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_whole_and_one_byte_more_is_refused()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[1000]);
            Assert.Equal(1000, BoundedFile.ReadAllBytes(path, 1000)!.Length);
            Assert.Null(BoundedFile.ReadAllBytes(path, 999));
            File.WriteAllBytes(path, []);
            Assert.Empty(BoundedFile.ReadAllBytes(path, 1000)!);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_sweep_whose_base_is_a_device_of_unknown_length_is_refused()
    {
        if (!File.Exists("/dev/zero")) return;
        string folder = Directory.CreateTempSubdirectory("funnelsim-test-").FullName;
        try
        {
            string sweep = Path.Combine(folder, "zero.sweep.json");
            File.WriteAllText(sweep, "{ \"base\": \"/dev/zero\", \"axes\": [ { \"path\": \"years\", \"values\": [1, 2] } ] }");
            var read = SweepReader.ReadFile(sweep);
            Assert.True(read.IsValid, string.Join("; ", read.Diagnostics));

            var planned = SweepPlan.Create(read.Definition!);

            Assert.Null(planned.Plan);
            Assert.Contains(planned.BaseDiagnostics.Concat(planned.AxisDiagnostics), d => d.Message.Contains("more than 16 MiB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
