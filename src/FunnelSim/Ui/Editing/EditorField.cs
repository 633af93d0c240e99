namespace FunnelSim.Ui.Editing;

/// <summary>
/// One editable value of the selected outline node: its label, the JSON path it writes (the same path the validator
/// reports problems at), how its text is read, and for choices the allowed values.
/// </summary>
/// <param name="Key">Stable name of the field within its editor (e.g. <c>low</c>, <c>ramp.to</c>, <c>shape</c>).</param>
/// <param name="Label">What the user reads.</param>
/// <param name="Path">JSON path of the value in the scenario.</param>
/// <param name="Kind">How the text is read.</param>
/// <param name="Optional">True when an empty entry removes the property.</param>
/// <param name="Choices">Allowed values of a <see cref="FieldKind.Choice"/> field (as shown).</param>
/// <param name="Default">What the field shows while its property is not written (the format's default).</param>
/// <param name="Values">For a choice whose shown text differs from what is written: the value written for each of
/// <see cref="Choices"/> (a correlation's input shows <c>pdac testing.uptake</c>, writes <c>indications[1].testing.uptake</c>).</param>
public sealed record EditorField(string Key, string Label, string Path, FieldKind Kind, bool Optional = false,
    IReadOnlyList<string>? Choices = null, string? Default = null, IReadOnlyList<string>? Values = null);
