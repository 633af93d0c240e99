using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// A drop-down list whose value changes only by an explicit choice: open it (Enter, Space, F4, Alt+↓ or a click),
/// move with ↑/↓ and press Enter (or click). Closed, it ignores ↑/↓ and typed letters — a plain
/// <see cref="DropDownList"/> would step or search through the choices — so moving past a field never changes it
/// (a parameter's form switched to "fixed number" drops its range, ramp and source). Ctrl+Z is left to the window:
/// it undoes the last edit of the scenario, not the text of this box.
/// </summary>
internal sealed class ChoiceList : DropDownList
{
    public ChoiceList()
    {
        foreach (var key in new[] { Key.CursorUp, Key.CursorDown, Key.Z.WithCtrl, Key.Y.WithCtrl, Key.Z.WithCtrl.WithShift })
        {
            if (KeyBindings.TryGet(key, out _)) KeyBindings.Remove(key);
        }
        if (KeyBindings.TryGet(Key.Enter, out _)) KeyBindings.ReplaceCommands(Key.Enter, Command.Toggle);
        else KeyBindings.Add(Key.Enter, Command.Toggle);
    }

    /// <inheritdoc />
    protected override bool OnKeyDown(Key key)
    {
        // A printable key that is not bound (Space is: it opens the list) would pick the next match: swallow it.
        if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value >= ' ' && !KeyBindings.TryGet(key, out _)) return true;
        return base.OnKeyDown(key);
    }
}
