using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;

namespace FunnelSim.Ui.Views;

/// <summary>
/// One tab of the main window. A new view (budget impact, drivers) is one class implementing this, added to
/// <see cref="MainWindow"/>'s page list: it gets the workbench and the shared indication/year selection and redraws
/// when told.
/// </summary>
internal interface IResultsPage
{
    /// <summary>The tab's title (with a hotkey underscore).</summary>
    string Title { get; }

    /// <summary>The tab's content.</summary>
    View Content { get; }

    /// <summary>The view that takes the keys when the tab is chosen (a table for PgDn), or null for the content itself.</summary>
    View? KeyTarget => null;

    /// <summary>Redraws from the workbench's current results and the selection.</summary>
    void Refresh(Workbench workbench, ResultSelection selection);
}
