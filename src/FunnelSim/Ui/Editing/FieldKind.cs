namespace FunnelSim.Ui.Editing;

/// <summary>What an editor field holds, which decides how its text is read.</summary>
public enum FieldKind
{
    /// <summary>A real number; empty removes an optional property.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>Free text; empty removes an optional property.</summary>
    Text,
    /// <summary>One of <see cref="EditorField.Choices"/>.</summary>
    Choice,
}
