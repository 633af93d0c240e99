using FunnelSim.Rendering;
using FunnelSim.Model;
using FunnelSim.Formatting;
using FunnelSim.Results;
using FunnelSim.Ui.Presentation;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace FunnelSim.Ui.Views;

/// <summary>
/// The payer's view (F3 chooses an indication or the total): a caption (plan, currency, which run), the annual budget
/// impact per year with its 90% band as bars, and under it the ISPOR-style table of <c>funnelsim budget</c> — the
/// core's rows, years as columns — which scrolls with ↑/↓/PgDn. It follows the live what-if run, so a changed price
/// moves it within a second, and the full run after F5. Without a <c>costs</c> block it says so and how to add one.
/// </summary>
internal sealed class BudgetPage : IResultsPage
{
    /// <summary>What the tab says when the scenario has no costs.</summary>
    public const string NoCosts = "No costs in this scenario, so no budget impact.";

    private readonly Label _caption = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 2 };
    private readonly TextLinesView _chart = new() { X = 0, Y = 2, CanFocus = false };
    private readonly Label _notes = new() { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto() };
    private SimulationResult? _result;
    private string _indication = ResultSelection.Total;

    public BudgetPage()
    {
        Table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_chart),
            Width = Dim.Fill(),
            Height = Dim.Fill(Dim.Func(_ => _notes.Frame.Height)),
            FullRowSelect = true,
        };
        Table.Style.ShowHorizontalHeaderOverline = false;
        Table.Style.ShowHorizontalBottomLine = false;
        Table.Style.ExpandLastColumn = false;
        Table.Style.AlwaysShowHeaders = true;
        _chart.Height = 0;
        Content = new View { Title = Title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        Content.Add(_caption, _chart, Table, _notes);
        Content.FrameChanged += (_, _) => Layout();
    }

    public string Title => "_Budget";

    public View Content { get; }

    public TableView Table { get; }

    public View? KeyTarget => Table;

    public void Refresh(Workbench workbench, ResultSelection selection)
    {
        _result = null;
        if (workbench.Latest is not { } latest)
        {
            bool noCosts = workbench.Document.Scenario is { Costs: null };
            Show(noCosts ? NoCosts : workbench.QuickError ?? "no results yet: the live run starts after the scenario validates",
                noCosts ? HowToAddCosts : "F5 runs the scenario in full.");
            return;
        }
        var result = latest.Result;
        if (!BudgetReport.HasCosts(result))
        {
            Show(NoCosts, HowToAddCosts);
            return;
        }
        selection.Fit(result);
        _result = result;
        _indication = selection.Indication;
        var costs = result.Scenario.Costs!;
        string name = _indication == ResultSelection.Total ? "All indications" : _indication.ToUpperInvariant();
        string population = result.Scenario.Population is PlanPopulation plan
            ? $"{plan.Members.ToString("N0", HumanNumber.Culture)} members"
            : "national (no PMPM)";
        _caption.Text = $"{name} · {population} · {PriceBasis.Of(result.Scenario)!.Describe()}\n"
                        + ResultOrigin.Describe(workbench, latest);
        Layout();
    }

    private const string HowToAddCosts =
        "Add a costs block in the Edit tab (outline › Costs, Budget impact: on), or open a payer scenario such as scenarios/payer-commercial-1m.json.";

    private void Show(string caption, string notes)
    {
        _caption.Text = caption;
        _notes.Text = notes;
        _chart.Height = 0;
        _chart.Show((_, _) => []);
        Table.Table = new TableRowsSource(TableRows.Message(""));
        Table.Visible = false;
        Content.SetNeedsLayout();
    }

    /// <summary>Lays out the chart and the table for the current width (the table's layout depends on it).</summary>
    private void Layout()
    {
        if (_result is not { } result) return;
        int width = Math.Max(20, Content.Viewport.Width);
        // At 80×24 the table needs the rows more than the chart needs its scale line and a gap.
        bool roomy = Content.Viewport.Height >= 24;
        var chart = BudgetChart.Lines(result, _indication, width, withAxis: roomy);
        _chart.Height = chart.Count + (roomy ? 1 : 0);
        _chart.Show((_, _) => chart);
        var rows = BudgetTableRows.Build(result, _indication, width);
        Table.Visible = true;
        Table.Table = new TableRowsSource(rows);
        for (int c = 0; c < rows.Headers.Count; c++)
        {
            // Widths from every row, not only the visible ones, so columns stay put while the table scrolls.
            var style = Table.Style.GetOrCreateColumnStyle(c);
            style.MinWidth = rows.Rows.Select(r => c < r.Count ? r[c].Length : 0).Append(rows.Headers[c].Length).Max();
            if (c > 0) style.Alignment = Alignment.End;
        }
        _notes.Text = Notes(result.Scenario.Costs!, width);
        Table.Update();
        Content.SetNeedsLayout();
    }

    private static string Notes(Costs costs, int width)
    {
        string notes = "Mean; under it the 90% interval (P5–P95). ¹ iterations with a patient (n).";
        string threshold = costs.BudgetThreshold is { } t
            ? $" Threshold: {HumanNumber.Money(t, costs.Currency)} a year."
            : " Edit › Costs › Budget threshold adds P(impact > threshold).";
        return notes.Length + threshold.Length <= width ? notes + threshold : notes;
    }
}
