using System.CommandLine;
using FunnelSim.Json;

namespace FunnelSim.Cli;

/// <summary><c>funnelsim schema</c>: prints the JSON Schema of scenario files.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schema",
            "Print the JSON Schema of scenario files (the same as scenarios/scenario.schema.json), for editors and validators.");
        command.SetAction(_ =>
        {
            context.Out.Write(BuiltInScenarios.Schema);
            return ExitCodes.Success;
        });
        return command;
    }
}
