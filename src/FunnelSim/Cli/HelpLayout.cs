using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FunnelSim.Cli;

/// <summary>
/// How help reads: the command list shows each command's first paragraph only; a command's own --help shows that
/// paragraph, its usage and options, then the rest of its description (examples, exit codes) under "Details:".
/// </summary>
internal static class HelpLayout
{
    public static void ListCommandsBriefly(RootCommand root)
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

    private sealed class DetailedHelpAction(CommandLineAction standard, Dictionary<Command, string> details)
        : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
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
    }
}
