using FunnelSim.Distributions;

namespace FunnelSim.Export;

/// <summary>
/// One input of a scenario as the report's and the workbook's inputs tables show it: every parameter (fixed ones too)
/// and every ramp target, with its distribution, mean, range and source.
/// </summary>
/// <param name="Path">JSON path in the scenario file (<c>indications[1].testing.uptake</c>; a ramp target ends <c>.ramp.to</c>).</param>
/// <param name="Label">Human name, e.g. <c>Pancreatic adenocarcinoma · testing uptake</c>.</param>
/// <param name="Distribution">The distribution in words, e.g. <c>beta(α 55.2, β 45.1)</c> or <c>fixed</c>.</param>
/// <param name="Value">The mean (the written <c>value</c> of the shorthand form).</param>
/// <param name="Low">Low end of the range: the written <c>low</c>, else the 2.5th percentile (the value itself when fixed).</param>
/// <param name="High">High end of the range: the written <c>high</c>, else the 97.5th percentile.</param>
/// <param name="Source">Where the number comes from, as the scenario says; null when it does not.</param>
public sealed record InputRow(string Path, string Label, string Distribution, double Value, double Low, double High, string? Source);
