using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FunnelSim.Cli;

/// <summary>
/// How help reads: the command list shows each command's first paragraph only, with its arguments as the command takes
/// them (<c>run [&lt;SCENARIO&gt;]</c>: optional arguments in brackets); a command's own --help shows that paragraph, its
/// usage and options, then the rest of its description (examples, exit codes) under "Details:".
/// </summary>
internal static class HelpLayout
{
    public static void Apply(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (option?.Action is not { } standard) return;

        var details = new Dictionary<Command, string>();
        foreach (var command in root.Subcommands)
        {
            string description = command.Description ?? "";
            int end = description.IndexOf("\n\n", StringComparison.Ordinal);
            if (end < 0) continue;
            command.Description = description[..end];
            details[command] = description[(end + 2)..];
        }
        option.Action = new DetailedHelpAction(standard, details);
    }

    /// <summary><c>run [&lt;SCENARIO&gt;]</c>, <c>compare &lt;A&gt; &lt;B&gt;</c>, <c>validate &lt;FILE&gt;...</c>.</summary>
    internal static string Label(Command command)
    {
        var parts = new List<string> { command.Name };
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            string name = $"<{argument.Name}>" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : "");
            parts.Add(argument.Arity.MinimumNumberOfValues == 0 ? $"[{name}]" : name);
        }
        return string.Join(' ', parts);
    }

    private sealed class DetailedHelpAction(CommandLineAction standard, Dictionary<Command, string> details)
        : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command is RootCommand root) return InvokeForRoot(parseResult, root);
            int exit = standard is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Details:");
                foreach (string line in text.Split('\n')) output.WriteLine(line.Length == 0 ? "" : "  " + line);
                output.WriteLine();
            }
            return exit;
        }

        /// <summary>The standard help up to its command list, then the commands with their arguments as they are taken.</summary>
        private int InvokeForRoot(ParseResult parseResult, RootCommand root)
        {
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            var buffer = new StringWriter();
            int exit;
            configuration.Output = buffer;
            try
            {
                exit = standard is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
            }
            finally
            {
                configuration.Output = output;
            }
            string text = buffer.ToString();
            int commands = text.IndexOf("Commands:", StringComparison.Ordinal);
            output.Write(commands < 0 ? text : text[..commands]);
            if (commands < 0) return exit;
            var rows = root.Subcommands.Where(c => !c.Hidden).Select(c => (Label: Label(c), c.Description)).ToArray();
            int width = rows.Max(r => r.Label.Length) + 2;
            output.WriteLine("Commands:");
            foreach (var (label, description) in rows) output.WriteLine($"  {label.PadRight(width)}{description}");
            output.WriteLine();
            return exit;
        }
    }
}
