using System.Runtime.CompilerServices;

namespace FunnelSim.Tests;

internal static class ModuleSetup
{
    /// <summary>Terminal.Gui must never touch the real terminal from a test process (see PITFALLS.md).</summary>
    [ModuleInitializer]
    internal static void DisableRealDriverIO() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
