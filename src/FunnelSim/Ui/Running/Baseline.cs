using FunnelSim.Model;

namespace FunnelSim.Ui.Running;

/// <summary>A pinned scenario that later edits are compared against.</summary>
/// <param name="Scenario">The scenario as it was when pinned.</param>
/// <param name="Label">What the user called it (the scenario's title at the time).</param>
public sealed record Baseline(Scenario Scenario, string Label);
