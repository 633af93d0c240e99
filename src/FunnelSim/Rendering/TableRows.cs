namespace FunnelSim.Rendering;

/// <summary>A table as text: column headers and rows of cells.</summary>
public sealed record TableRows(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>An empty table with a one-line explanation.</summary>
    public static TableRows Message(string text) => new([""], [[text]]);
}
