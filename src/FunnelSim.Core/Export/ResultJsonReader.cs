using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;

namespace FunnelSim.Export;

/// <summary>
/// Reads a results JSON file as <see cref="ResultJson"/> writes it: the echoed scenario (read and validated as a
/// scenario file), <c>run</c>, <c>indications</c> and <c>total</c>. Never throws on bad input.
/// </summary>
public static class ResultJsonReader
{
    /// <summary>True when <paramref name="utf8Json"/> is a JSON object with the results' top-level properties
    /// (<c>scenario</c>, <c>run</c>, <c>indications</c>, <c>total</c>), so a command can tell results from a scenario.</summary>
    public static bool LooksLikeResults(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            int found = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("run"u8) || reader.ValueTextEquals("indications"u8) || reader.ValueTextEquals("total"u8))
                    found++;
                if (!reader.Read()) return false;
                reader.Skip();
            }
            return found == 3;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads results from UTF-8 JSON bytes.</summary>
    public static ResultLoadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble)) utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return Failure("", $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("scenario", out var echo))
                return Failure("", "not a results file: a results file is a JSON object with 'scenario', 'run', 'indications' and 'total'");
            var scenario = ScenarioLoader.Read(echo.GetRawText());
            var diagnostics = scenario.Diagnostics.Select(d => d with { Path = Join("scenario", d.Path), Line = null, Column = null })
                .ToImmutableArray();
            if (!scenario.IsValid || scenario.Scenario is null) return new ResultLoadResult(null, diagnostics);
            try
            {
                var run = ReadRun(Required(root, "run"));
                var indications = Required(root, "indications").EnumerateArray().Select(ReadIndication).ToArray();
                var total = new TotalResult(ReadYears(Required(Required(root, "total"), "years")));
                return new ResultLoadResult(new SimulationResult(scenario.Scenario, run, indications, total), diagnostics);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
            {
                return new ResultLoadResult(null, diagnostics.Add(new Diagnostic(Severity.Error, "", $"not a results file: {e.Message}")));
            }
        }
    }

    /// <summary>Largest results file read: 256 MiB, counted in bytes actually read (a device of unknown length is refused).</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>Reads a results file; an unreadable file is an error diagnostic, not an exception.</summary>
    public static ResultLoadResult ReadFile(string path)
    {
        try
        {
            return Json.BoundedFile.ReadAllBytes(path, MaxBytes) is { } bytes
                ? Read(bytes)
                : Failure("", $"'{path}' holds more than 256 MiB ({MaxBytes} bytes); results files over 256 MiB are refused");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failure("", $"cannot read '{path}': {e.Message}");
        }
    }

    private static RunInfo ReadRun(JsonElement run) => new(
        Required(run, "iterations").GetInt64(),
        Required(run, "seed").GetUInt64(),
        Required(run, "sampling").GetString() ?? "",
        Required(run, "engineVersion").GetString() ?? "",
        run.TryGetProperty("threads", out var threads) ? threads.GetInt32() : 0,
        run.TryGetProperty("elapsedSeconds", out var elapsed) ? elapsed.GetDouble() : 0)
    {
        LhsReplicates = run.TryGetProperty("lhsReplicates", out var replicates) ? replicates.GetInt32() : null,
    };

    private static IndicationResult ReadIndication(JsonElement indication) => new(
        Required(indication, "id").GetString() ?? "",
        indication.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
        ReadYears(Required(indication, "years")));

    private static YearResult[] ReadYears(JsonElement years) =>
        [.. years.EnumerateArray().Select(y => new YearResult(Required(y, "year").GetInt32(), ReadMetrics(Required(y, "metrics"))))];

    private static Dictionary<string, MetricSummary> ReadMetrics(JsonElement metrics)
    {
        var read = new Dictionary<string, MetricSummary>(StringComparer.Ordinal);
        foreach (var metric in metrics.EnumerateObject())
        {
            var s = metric.Value;
            read[metric.Name] = new MetricSummary(Number(s, "mean"), Number(s, "sd"), Number(s, "mcse"), Number(s, "p5"),
                Number(s, "p10"), Number(s, "p25"), Number(s, "p50"), Number(s, "p75"), Number(s, "p90"), Number(s, "p95"),
                Number(s, "min"), Number(s, "max"))
            {
                Iterations = s.TryGetProperty("iterations", out var n) ? n.GetInt64() : null,
                Approximate = s.TryGetProperty("approximate", out var approximate) && approximate.ValueKind == JsonValueKind.True ? true : null,
                RelativeAccuracy = s.TryGetProperty("relativeAccuracy", out var accuracy) ? accuracy.GetDouble() : null,
            };
        }
        return read;
    }

    private static double Number(JsonElement summary, string name) => Required(summary, name).GetDouble();

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"'{name}' is missing");

    private static string Join(string parent, string path) => path.Length == 0 ? parent : $"{parent}.{path}";

    private static ResultLoadResult Failure(string path, string message) => new(null, [new Diagnostic(Severity.Error, path, message)]);
}
