using FunnelSim.Files;
using System.Collections.Concurrent;
using FunnelSim.Ui;
using FunnelSim.Ui.Editing;
using FunnelSim.Ui.Files;
using FunnelSim.Ui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace FunnelSim.Tests.Ui;

/// <summary>
/// A headless application with the main window at a given size. Background results are queued and applied on the
/// test thread by <see cref="Settle"/>, as <c>app.Invoke</c> would apply them on the UI thread.
/// </summary>
internal sealed class UiHarness : IDisposable
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("funnelsim-ui-").FullName;

    public UiHarness(int width = 120, int height = 40, ScenarioDocument? document = null)
    {
        App = Application.Create(Time);
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Workbench = new Workbench(document ?? ScenarioDocument.BaseCase(), _posted.Enqueue);
        Recent = new RecentFiles(Path.Combine(_folder, "recent.json"));
        Window = new MainWindow(Workbench, Recent) { ConfirmOnQuit = false };
        App.Begin(Window);
        Settle();
    }

    /// <summary>The application's clock: <c>Advance</c> it past a debounce, then <c>App.TimedEvents.RunTimers()</c>.</summary>
    public VirtualTimeProvider Time { get; } = new();
    public IApplication App { get; }
    public Workbench Workbench { get; }
    public RecentFiles Recent { get; }
    public MainWindow Window { get; }

    public string File(string name) => Path.Combine(_folder, name);

    /// <summary>Selects <paramref name="path"/> in the Edit tab's outline and opens it in the field editor; the Edit tab.</summary>
    public EditPage EditAt(string path)
    {
        var page = Window.EditPage;
        page.Outline.Select(path);
        page.Editor.Edit(Workbench.Document, page.Outline.Selected!);
        return page;
    }

    /// <summary>
    /// Waits for the background work (what-if run, tornado, drivers), applies what it posted — which may start more
    /// work, so until all is quiet — and redraws.
    /// </summary>
    public void Settle()
    {
        var sensitivity = Workbench.Sensitivity;
        for (int round = 0; ; round++)
        {
            if (round == 100) throw new InvalidOperationException("background work kept posting more work after 100 rounds");
            BackgroundWork.WaitAll(
                ("the what-if run", Workbench.QuickRunTask),
                ("the tornado", sensitivity.TornadoTask),
                ("the global drivers", sensitivity.DriversTask));
            if (_posted.IsEmpty) break;
            while (_posted.TryDequeue(out var action)) action();
        }
        App.LayoutAndDraw(forceRedraw: true);
    }

    /// <summary>
    /// While the returned scope lives, every iteration of a modal session (a dialog run with <c>App.Run</c> on top of the
    /// window) calls <paramref name="respond"/> with the dialog on top — to read the screen, type, or stop it. A dialog
    /// still open after <see cref="BackgroundWork.HangGuard"/> is stopped and the failure recorded in <see cref="ModalFailures"/>.
    /// </summary>
    public IDisposable Modal(Action<Terminal.Gui.ViewBase.View> respond)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        void Handler(object? sender, EventArgs e)
        {
            if (App.TopRunnableView is not { } top || ReferenceEquals(top, Window)) return;
            if (started.Elapsed > BackgroundWork.HangGuard)
            {
                ModalFailures.Add($"'{top.Title}' was still open after {BackgroundWork.HangGuard.TotalMinutes:0} minutes");
                App.RequestStop();
                return;
            }
            respond(top);
        }
        App.Iteration += Handler;
        return new Scope(() => App.Iteration -= Handler);
    }

    /// <summary>Dialogs <see cref="Modal"/> had to stop because nothing closed them.</summary>
    public List<string> ModalFailures { get; } = [];

    /// <summary>What the screen shows now, without forcing a layout (inside a modal session).</summary>
    public string Drawn => App.Driver!.ToString() ?? "";

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    public string Screen
    {
        get
        {
            App.LayoutAndDraw(forceRedraw: true);
            string text = App.Driver!.ToString() ?? "";
            // UI_DUMP=FILE appends every screen a test reads to FILE (to see what a failing test saw).
            if (Environment.GetEnvironmentVariable("UI_DUMP") is { Length: > 0 } dump) System.IO.File.AppendAllText(dump, text + "\n=====\n");
            return text;
        }
    }

    public void Dispose()
    {
        Window.ConfirmOnQuit = false;
        Window.Quit();
        Window.Dispose();
        Workbench.Dispose();
        App.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
