using System.Runtime.CompilerServices;

namespace FunnelSim.Tests.Ui;

/// <summary>Terminal.Gui must never touch the real terminal in tests: without this, a test run inside a terminal hangs.</summary>
internal static class HeadlessDriver
{
    [ModuleInitializer]
    internal static void DisableRealDriverIO() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
