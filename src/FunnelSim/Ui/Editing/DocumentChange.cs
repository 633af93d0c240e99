namespace FunnelSim.Ui.Editing;

/// <summary>What an edit touched: the JSON path, and whether the outline's shape changed (added, removed, renamed, moved).</summary>
public sealed record DocumentChange(string Path, bool Structural);
