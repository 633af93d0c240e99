using FunnelSim.Ui.Views;

namespace FunnelSim.Tests.Ui;

/// <summary>Answers the window's questions from a script and records what was asked (title, message, buttons).</summary>
internal sealed class ScriptedDialogs : IDialogs
{
    private readonly Queue<string?> _answers = new();
    private readonly Queue<string?> _paths = new();

    public List<(string Title, string Message, string[] Buttons)> Asked { get; } = [];

    /// <summary>The next question is answered with the button named <paramref name="button"/> (null: Esc).</summary>
    public ScriptedDialogs Answer(string? button)
    {
        _answers.Enqueue(button);
        return this;
    }

    public ScriptedDialogs Path(string? path)
    {
        _paths.Enqueue(path);
        return this;
    }

    public int? Query(string title, string message, params string[] buttons)
    {
        Asked.Add((title, message, buttons));
        if (!_answers.TryDequeue(out string? label)) throw new InvalidOperationException($"unexpected question: {title}: {message}");
        if (label is null) return null;
        int index = Array.IndexOf(buttons, label);
        if (index < 0) throw new InvalidOperationException($"'{label}' is not a button of '{message}' ({string.Join(", ", buttons)})");
        return index;
    }

    private readonly Queue<Func<FunnelSim.Compilation.CompiledModel, List<FunnelSim.Ui.Calibrating.ObservedRow>, ObservedInput?>> _observations = new();

    /// <summary>The next observed-counts question is answered by <paramref name="answer"/> (given the model and the remembered rows).</summary>
    public ScriptedDialogs Observations(Func<FunnelSim.Compilation.CompiledModel, List<FunnelSim.Ui.Calibrating.ObservedRow>, ObservedInput?> answer)
    {
        _observations.Enqueue(answer);
        return this;
    }

    public ObservedInput? AskObservations(FunnelSim.Compilation.CompiledModel model, List<FunnelSim.Ui.Calibrating.ObservedRow> rows, IReadOnlyList<string> recent)
    {
        Asked.Add(("Calibrate to observed counts", "", []));
        return _observations.TryDequeue(out var answer) ? answer(model, rows) : throw new InvalidOperationException("unexpected observed-counts question");
    }

    public string? AskPath(string title, string prompt, string initial, IReadOnlyList<string> recent, bool forOpening)
    {
        Asked.Add((title, prompt, []));
        return _paths.TryDequeue(out string? path) ? path : throw new InvalidOperationException($"unexpected path prompt: {title}");
    }
}
