using FunnelSim.Files;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Files;
using FunnelSim.Ui.Views;
using Terminal.Gui.App;

namespace FunnelSim.Ui;

/// <summary>Starts the terminal UI on the built-in base case or a scenario file.</summary>
internal static class TerminalUi
{
    /// <summary>The one line printed instead of starting the UI without a terminal.</summary>
    public const string NotInteractive =
        "funnelsim: the terminal UI needs an interactive terminal (standard input or output is redirected); " +
        "use 'funnelsim run [SCENARIO]' for results, or 'funnelsim --help' for every command.";

    /// <summary>Runs the UI until the user quits; returns the exit code.</summary>
    public static int Run(string? scenarioPath)
    {
        using IApplication app = Application.Create().Init();
        using var workbench = new Workbench(ScenarioDocument.BaseCase(), action => app.Invoke(action));
        using var window = new MainWindow(workbench, RecentFiles.ForCurrentUser());
        if (scenarioPath is not null) window.Open(scenarioPath);
        app.Run(window);
        return 0;
    }
}
