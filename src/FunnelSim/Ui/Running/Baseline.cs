using FunnelSim.Model;

namespace FunnelSim.Ui.Running;

/// <summary>A pinned scenario that later edits are compared against.</summary>
/// <param name="Scenario">The scenario as it was when pinned.</param>
/// <param name="Label">What the user called it (the scenario's title at the time).</param>
/// <param name="OtherScenario">True once another scenario was opened (or a new one started) after pinning: the
/// comparison is then between two different scenarios, and every view that shows it says so.</param>
public sealed record Baseline(Scenario Scenario, string Label, bool OtherScenario = false)
{
    /// <summary>How views name it: <c>'base.json'</c>, or <c>'base.json' (another scenario)</c>.</summary>
    public string Describe() => OtherScenario ? $"'{Label}' (another scenario)" : $"'{Label}'";
}
