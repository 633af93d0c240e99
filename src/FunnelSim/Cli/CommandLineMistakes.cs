using FunnelSim.Json;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace FunnelSim.Cli;

/// <summary>
/// What is wrong with a command line, said the way a person fixes it: an unknown option is reported as an unknown
/// option with the closest real one (<c>unknown option '--iteratons'; did you mean '--iterations'?</c>), never taken as
/// the scenario argument; an unknown command gets the closest command. Anything after <c>--</c> is an argument.
/// </summary>
internal static class CommandLineMistakes
{
    private const int MaxDistance = 2;

    /// <summary>The mistakes, each one line; empty when the command line is fine (or asks for help).</summary>
    public static IReadOnlyList<string> Find(ParseResult parse, RootCommand root)
    {
        if (parse.Action is { ClearsParseErrors: true }) return [];
        var claimed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is not CommandResult command) continue;
            foreach (var option in command.Children.OfType<OptionResult>())
                foreach (var token in option.Tokens) claimed.Add(token);
        }

        var mistakes = new List<string>();
        string? unknownCommand = null;
        bool afterDoubleDash = false;
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) afterDoubleDash = true;
            if (afterDoubleDash || token.Type != TokenType.Argument || claimed.Contains(token)) continue;
            if (LooksLikeOption(token.Value))
                mistakes.Add(UnknownOption(token.Value, parse.CommandResult.Command));
            else if (parse.CommandResult.Command == root && unknownCommand is null)
                unknownCommand = UnknownCommand(token.Value, root);
        }
        if (mistakes.Count > 0) return mistakes;
        if (unknownCommand is not null) return [unknownCommand];
        return [.. parse.Errors.Select(e => Shown.Text(e.Message))];
    }

    /// <summary><c>funnelsim</c>, or <c>funnelsim run</c> for the command the line was for.</summary>
    public static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
            if (result is CommandResult { Command: not RootCommand } command) names.Insert(0, command.Command.Name);
        return string.Join(' ', ["funnelsim", .. names]);
    }

    /// <summary>Whether <paramref name="token"/> is an option's name (not '-', which means standard input, nor a negative number).</summary>
    internal static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !CommandLineNumbers.TryParse(token, out _);

    private static string UnknownOption(string token, Command command)
    {
        int equals = token.IndexOfAny(['=', ':']);
        string name = equals > 0 ? token[..equals] : token;
        var known = OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToArray();
        string? near = Closest(name, known.Where(k => k.StartsWith("--", StringComparison.Ordinal)))
                       ?? Closest(name, known);
        return near is null
            ? $"unknown option '{Shown.Text(name)}'"
            : $"unknown option '{Shown.Text(name)}'; did you mean '{near}'?";
    }

    private static string UnknownCommand(string token, RootCommand root)
    {
        var names = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        return Closest(token, names) is { } near
            ? $"unknown command '{Shown.Text(token)}'; did you mean '{near}'?"
            : $"unknown command '{Shown.Text(token)}'; the commands are {string.Join(", ", names)}";
    }

    /// <summary>The command's own options and those it inherits (recursive options of its parents, such as --help).</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        foreach (var option in command.Options.Where(o => !o.Hidden)) yield return option;
        foreach (var parent in command.Parents.OfType<Command>())
            foreach (var option in OptionsOf(parent).Where(o => o.Recursive)) yield return option;
    }

    /// <summary>The one candidate that <paramref name="name"/> abbreviates, else the nearest within two edits.</summary>
    internal static string? Closest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.ToArray();
        var extending = list.Where(c => name.Length >= 3 && c.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (extending.Length == 1) return extending[0];
        string? best = null;
        int bestDistance = MaxDistance + 1;
        foreach (string candidate in list)
        {
            int distance = NameSuggestions.Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance >= bestDistance || distance >= Math.Max(candidate.Length - 2, 2)) continue;
            best = candidate;
            bestDistance = distance;
        }
        return best;
    }
}
