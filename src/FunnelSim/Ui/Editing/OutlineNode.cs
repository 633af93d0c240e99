namespace FunnelSim.Ui.Editing;

/// <summary>A node of the scenario outline: what the user sees, and the JSON path its editor writes.</summary>
/// <param name="Label">Text shown in the outline.</param>
/// <param name="Path">JSON path of the node in the scenario (<c>indications[2].testing.uptake</c>).</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Children">Nodes below it.</param>
public sealed record OutlineNode(string Label, string Path, OutlineKind Kind, IReadOnlyList<OutlineNode> Children)
{
    /// <summary>This node and every node below it, depth first.</summary>
    public IEnumerable<OutlineNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    /// <inheritdoc />
    public override string ToString() => Label;
}
