using System.Reflection;
using FunnelSim.Summaries;

namespace FunnelSim.Cli;

/// <summary>
/// The program's version, as <c>funnelsim --version</c> prints it: the package version (set in FunnelSim.csproj to the
/// engine's version, <see cref="Summaries.Simulator.EngineVersion"/>), then '+' and the source revision when the build knew it.
/// </summary>
internal static class ProgramVersion
{
    public static string Text { get; } =
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProgramVersion).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
