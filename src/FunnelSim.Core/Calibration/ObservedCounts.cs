using System.Globalization;
using System.Text.Json;
using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;

namespace FunnelSim.Calibration;

/// <summary>
/// Reads an observed-counts file,
/// <c>{ "observations": [ { "indication": "nsclc" | "total", "year": 2026, "metric": "treatedNew", "value": 41,
/// "fraction": 0.5 }, … ] }</c>, and checks it against a compiled scenario, with the JSON path, line and column of every
/// problem as for scenario files.
/// </summary>
public static class ObservedCounts
{
    /// <summary>Largest file read (as for scenarios).</summary>
    public const int MaxBytes = ScenarioReader.MaxBytes;

    private const int MaxDepth = 16;
    private static readonly string[] TopProperties = ["observations", "description"];
    private static readonly string[] ObservationProperties = ["indication", "year", "metric", "value", "fraction", "source"];

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static ObservedLoadResult ReadFile(string path, CompiledModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[]? bytes;
        try
        {
            bytes = BoundedFile.ReadAllBytes(path, MaxBytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(new Diagnostic(Severity.Error, "", $"cannot read '{path}': {e.Message}"));
        }
        if (bytes is null)
            return Failed(new Diagnostic(Severity.Error, "", $"the file holds more than 16 MiB ({MaxBytes} bytes); refused"));
        return Read(bytes, model, cancellationToken);
    }

    /// <summary>Reads and checks <paramref name="utf8Json"/>.</summary>
    public static ObservedLoadResult Read(byte[] utf8Json, CompiledModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(model);
        var lines = new LineIndex(utf8Json);
        var positions = PositionMap.Build(utf8Json, lines, MaxDepth, out var syntax, cancellationToken);
        if (positions is null) return Failed(syntax!);
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        var reader = new Reader(model, positions);
        var observations = reader.ReadDocument(document.RootElement);
        return new ObservedLoadResult(reader.HasErrors ? null : observations, reader.Diagnostics);
    }

    /// <summary>Reads and checks <paramref name="json"/> (tests and the terminal UI).</summary>
    public static ObservedLoadResult Read(string json, CompiledModel model) =>
        Read(System.Text.Encoding.UTF8.GetBytes(json), model);

    private static ObservedLoadResult Failed(Diagnostic error) => new(null, [error]);

    private sealed class Reader(CompiledModel model, PositionMap positions)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

        public bool HasErrors => _diagnostics.Any(d => d.IsError);

        public List<Observation> ReadDocument(JsonElement root)
        {
            var observations = new List<Observation>();
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("", "must be an object: { \"observations\": [ … ] }");
                return observations;
            }
            CheckNames(root, "", TopProperties);
            if (!root.TryGetProperty("observations", out var list))
            {
                Error("", "missing 'observations' (an array of { indication, year, metric, value })");
                return observations;
            }
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                Error("observations", "must be a non-empty array of { indication, year, metric, value }");
                return observations;
            }
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadObservation(item, JsonPath.Index("observations", index++)) is { } observation) observations.Add(observation);
            }
            if (!HasErrors) CheckTogether(observations);
            return observations;
        }

        private Observation? ReadObservation(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Error(path, "must be an object { indication, year, metric, value }");
                return null;
            }
            CheckNames(e, path, ObservationProperties);
            string? indication = RequiredString(e, path, "indication");
            string? metric = RequiredString(e, path, "metric");
            double? year = RequiredNumber(e, path, "year");
            double? value = RequiredNumber(e, path, "value");
            double fraction = 1;
            if (e.TryGetProperty("fraction", out var f))
            {
                if (f.ValueKind != JsonValueKind.Number || !f.TryGetDouble(out fraction) || !(fraction > 0 && fraction <= 1))
                {
                    Error(JsonPath.Property(path, "fraction"), "must be a number above 0 and at most 1 (the part of the year observed)");
                    return null;
                }
            }
            if (e.TryGetProperty("source", out var s) && s.ValueKind != JsonValueKind.String)
                Error(JsonPath.Property(path, "source"), "must be a string");
            if (indication is null || metric is null || year is null || value is null) return null;

            int group = GroupOf(indication);
            if (group < 0)
            {
                var ids = model.Scenario.Indications.Select(i => i.Id).Append(Observation.Total).ToArray();
                Error(JsonPath.Property(path, "indication"), NameSuggestions.Unknown("indication", indication, ids));
                return null;
            }
            int firstYear = model.Scenario.StartYear, lastYear = firstYear + model.Years - 1;
            if (year != Math.Floor(year.Value) || year < firstYear || year > lastYear)
            {
                Error(JsonPath.Property(path, "year"),
                    $"must be a year of the scenario's horizon, {firstYear} to {lastYear}");
                return null;
            }
            var metrics = model.MetricsOf(group);
            if (BudgetMetric.Total.Contains(metric, StringComparer.Ordinal) || metric == MetricNames.Pmpm)
            {
                Error(JsonPath.Property(path, "metric"),
                    $"'{metric}' is money, not a count: calibrate to counts of patients or doses ({string.Join(", ", metrics)})");
                return null;
            }
            if (!metrics.Contains(metric, StringComparer.Ordinal))
            {
                Error(JsonPath.Property(path, "metric"), NameSuggestions.Unknown("metric", metric, metrics));
                return null;
            }
            bool reflexScenario = group < model.Indications.Length ? model.Indications[group].HasReflex : model.Indications.Any(i => i.HasReflex);
            if (metric is MetricNames.ReflexTested or MetricNames.IdentifiedByReflex && !reflexScenario)
            {
                Error(JsonPath.Property(path, "metric"),
                    $"'{metric}' counts reflex tests, and no modality of {(group < model.Indications.Length ? $"'{indication}'" : "any indication")} " +
                    "has one (testing.modalities[*].reflex): it is 0 in every iteration");
                return null;
            }
            if (!FunnelAtoms.IsCount(model, group, metric) && !SimulatedLikelihood.IsSimulated(model, group, metric))
            {
                var allowed = FunnelAtoms.CountMetrics(model, group).Concat(metrics.Where(m => SimulatedLikelihood.IsSimulated(model, group, m)));
                Error(JsonPath.Property(path, "metric"),
                    $"'{metric}' is not a yearly count of patients or doses; observe one of {string.Join(", ", allowed)}");
                return null;
            }
            if (value < 0 || value != Math.Floor(value.Value) || value > 1e12)
            {
                Error(JsonPath.Property(path, "value"), "must be a whole number of patients, 0 or more");
                return null;
            }
            return new Observation(indication, (int)year.Value, metric, (long)value.Value, fraction, path);
        }

        private void CheckTogether(List<Observation> observations)
        {
            foreach (var same in observations.GroupBy(o => (o.Indication, o.Year, o.Metric)).Where(g => g.Count() > 1))
            {
                var second = same.Skip(1).First();
                Error(second.Path, $"{same.Key.Indication} {same.Key.Metric} {same.Key.Year} is observed twice (first at {same.First().Path})");
            }
            foreach (var year in observations.GroupBy(o => o.Year))
            {
                var first = year.First();
                if (year.FirstOrDefault(o => o.Fraction != first.Fraction) is { } other)
                    Error(JsonPath.Property(other.Path, "fraction"),
                        $"every observation of {year.Key} must cover the same part of the year ({first.Path} has " +
                        $"{first.Fraction.ToString(CultureInfo.InvariantCulture)})");
            }
            if (HasErrors) return;
            // Counts scored by simulation have no exact joint likelihood to be consistent with.
            foreach (var problem in CountLikelihood.Problems(model, SimulatedLikelihood.Split(model, observations).Exact))
                Error(problem.Path, problem.Message);
        }

        private int GroupOf(string indication)
        {
            if (indication == Observation.Total) return model.Scenario.Indications.Length;
            for (int i = 0; i < model.Scenario.Indications.Length; i++)
                if (model.Scenario.Indications[i].Id == indication) return i;
            return -1;
        }

        private void CheckNames(JsonElement e, string path, string[] allowed)
        {
            foreach (var property in e.EnumerateObject())
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                    Error(JsonPath.Property(path, property.Name), NameSuggestions.Unknown("property", property.Name, allowed), name: true);
        }

        private string? RequiredString(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                Error(path, $"missing '{name}'");
                return null;
            }
            if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s) return s;
            Error(JsonPath.Property(path, name), "must be a non-empty string");
            return null;
        }

        private double? RequiredNumber(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                Error(path, $"missing '{name}'");
                return null;
            }
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d) && double.IsFinite(d)) return d;
            Error(JsonPath.Property(path, name), "must be a number");
            return null;
        }

        private void Error(string path, string message, bool name = false)
        {
            var at = name ? positions.NameAt(path) : positions.ValueAt(path);
            _diagnostics.Add(new Diagnostic(Severity.Error, path, message, at?.Line, at?.Column));
        }
    }
}

/// <summary>What reading an observed-counts file gave: the observations (null when any error) and every finding.</summary>
public sealed record ObservedLoadResult(IReadOnlyList<Observation>? Observations, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the observations can be used.</summary>
    public bool IsValid => Observations is not null;
}
