using System.Collections.Immutable;

namespace FunnelSim.Json;

/// <summary>Collects the diagnostics of one read, each placed at the line and column of the value it is about.</summary>
internal sealed class ReadContext(PositionMap positions)
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly Dictionary<string, ParameterKind> shorthandKinds = new(StringComparer.Ordinal);

    /// <summary>The kind of every shorthand <c>{ value, low, high }</c> read, by its path (for <see cref="RangeCarry"/>).</summary>
    public IReadOnlyDictionary<string, ParameterKind> ShorthandKinds => shorthandKinds;

    /// <summary>Records that the parameter at <paramref name="path"/> is written as a shorthand of <paramref name="kind"/>.</summary>
    public void Shorthand(string path, ParameterKind kind) => shorthandKinds[path] = kind;

    public bool HasErrors { get; private set; }

    /// <summary>An error about the value at <paramref name="path"/>.</summary>
    public void Error(string path, string message) => Add(Severity.Error, path, message, positions.ValueAt(path));

    /// <summary>An error about <paramref name="path"/>, placed at the value at <paramref name="positionPath"/>
    /// (a missing property is placed at the object that lacks it).</summary>
    public void ErrorAt(string path, string positionPath, string message) =>
        Add(Severity.Error, path, message, positions.ValueAt(positionPath));

    /// <summary>An error about a property name (unknown or duplicated), placed at the name itself.</summary>
    public void ErrorAtName(string path, int occurrence, string message) =>
        Add(Severity.Error, path, message, positions.NameAt(path, occurrence));

    /// <summary>A warning about the value at <paramref name="path"/>.</summary>
    public void Warning(string path, string message) => Add(Severity.Warning, path, message, positions.ValueAt(path));

    /// <summary>Every diagnostic in document order (missing properties sit at their parent object).</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. diagnostics.OrderBy(d => d.Line ?? int.MaxValue).ThenBy(d => d.Column ?? int.MaxValue)];

    private void Add(Severity severity, string path, string message, (int Line, int Column)? at)
    {
        diagnostics.Add(new Diagnostic(severity, path, message, at?.Line, at?.Column));
        HasErrors |= severity == Severity.Error;
    }
}
