using FunnelSim.Export;

namespace FunnelSim.Reporting;

/// <summary>Where a report's results came from, for its provenance section.</summary>
/// <param name="Label">The input as the user named it (a scenario or results file).</param>
/// <param name="ScenarioSha256">SHA-256 (lower-case hex) of the scenario: of the scenario file's bytes, or for a results
/// file of the echoed scenario's canonical form (see <see cref="Export.ScenarioHash"/>).</param>
/// <param name="HashOf">What <paramref name="ScenarioSha256"/> was computed over, in words.</param>
/// <param name="Created">When the report was made.</param>
public sealed record ReportSource(string Label, string ScenarioSha256, string HashOf, DateTimeOffset Created);
