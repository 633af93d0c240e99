using FunnelSim.Formatting;
using System.Xml.Linq;
using FunnelSim.Analysis;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;

namespace FunnelSim.Core.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Lazy<(Report Report, string Html)> Payer = new(() => ReportFixture.Build(ReportFixture.Payer));
    private static readonly Lazy<(Report Report, string Html)> NoCosts = new(() => ReportFixture.Build(ReportFixture.NoCosts));

    [Fact]
    public void TheReportIsWellFormedXhtmlWithEverySectionAndChart()
    {
        var document = XDocument.Parse(Payer.Value.Html);

        var sections = document.Descendants(Xhtml + "section").Select(s => (string?)s.Attribute("id") ?? "").ToArray();
        Assert.Equal(HtmlReport.SectionIds, sections);
        var charts = document.Descendants(Svg + "svg").Select(s => (string?)s.Attribute("id") ?? "").ToArray();
        Assert.Equal(["funnel-nsclc", "funnel-pdac", "funnel-cca", "fan-new-starts", "fan-on-treatment", "histogram-new-starts",
            "budget-impact", "tornado-treatedNew", "tornado-budgetImpact"], charts);
        foreach (var svg in document.Descendants(Svg + "svg"))
        {
            Assert.NotNull(svg.Attribute("viewBox"));
            Assert.NotEmpty(svg.Descendants(Svg + "text"));   // axes and labels are drawn
            Assert.NotEmpty(svg.Descendants(Svg + "path"));
        }
        // Several charts on one page: element ids stay unique.
        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void NothingIsFetchedWhenTheReportIsViewed()
    {
        var document = XDocument.Parse(Payer.Value.Html);
        string[] fetching = ["script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "image", "use"];

        Assert.DoesNotContain(document.Descendants(), e => fetching.Contains(e.Name.LocalName));
        foreach (var attribute in document.Descendants().Attributes())
        {
            string name = attribute.Name.LocalName;
            if (name is "src" or "srcset" or "data" or "poster") Assert.Fail($"{attribute.Parent!.Name.LocalName} has {name}");
            if (name == "href") Assert.StartsWith("#", attribute.Value);
            Assert.DoesNotContain("url(http", attribute.Value, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var style in document.Descendants(Xhtml + "style"))
        {
            Assert.DoesNotContain("@import", style.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("url(", style.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheHeadlineGivesFirstAndLastYearWithNinetyPercentIntervals()
    {
        var (report, html) = Payer.Value;
        var headline = XDocument.Parse(html).Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "headline");
        string text = headline.Value;
        var total = report.Result.Total.Years;

        Assert.Contains("2026", text);
        Assert.Contains("2030", text);
        Assert.Contains("New starts on BIZENGRI", text);
        Assert.Contains("Budget impact (USD)", text);
        var last = total[^1].Metrics[MetricNames.BudgetImpact];
        Assert.Contains(HumanNumber.Money(last.Mean, "USD"), text);
        Assert.Contains($"90%: {HumanNumber.ShortBudget(last.P5, BudgetValueKind.Money, 1e4, "USD")}–{HumanNumber.ShortBudget(last.P95, BudgetValueKind.Money, 1e4, "USD")}", text);
    }

    [Fact]
    public void TheBudgetTableHasTheRowsOfTheBudgetCommand()
    {
        var (report, html) = Payer.Value;
        var budget = XDocument.Parse(html).Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "budget");
        var labels = budget.Descendants(Xhtml + "th").Select(th => th.Value).ToHashSet();
        var years = report.Result.Total.Years;

        foreach (var row in BudgetReport.Sections.SelectMany(s => s.Rows)
                     .Where(r => years[0].Metrics.ContainsKey(r.Metric) && r.Metric != MetricNames.ProbabilityExceedsThreshold))
            Assert.Contains(row.Label.Trim(), labels);
        foreach (var section in BudgetReport.Sections) Assert.Contains(section.Heading, labels);
    }

    [Fact]
    public void InputsAndProvenanceNameEverythingNeededToRerun()
    {
        var (report, html) = Payer.Value;
        var document = XDocument.Parse(html);
        string inputs = document.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "inputs").Value;
        string provenance = document.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "provenance").Value;

        foreach (var row in report.Inputs) Assert.Contains(row.Path, inputs);
        Assert.Contains("indications[0].prevalence", inputs);
        Assert.Contains("costs.drugPerDose", inputs);
        Assert.Contains(report.Source.ScenarioSha256, provenance);
        Assert.Matches("^[0-9a-f]{64}$", report.Source.ScenarioSha256);
        Assert.Contains(report.Result.Run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), provenance);
        Assert.Contains("1,500", provenance);
        Assert.Contains("monte-carlo", provenance);
        Assert.Contains(report.Result.Run.EngineVersion, provenance);
        Assert.Contains("2026-12-05 12:00 UTC", provenance);
    }

    [Fact]
    public void WithoutCostsThereIsNoBudgetSectionNorMoneyChart()
    {
        var document = XDocument.Parse(NoCosts.Value.Html);

        var sections = document.Descendants(Xhtml + "section").Select(s => (string?)s.Attribute("id") ?? "").ToArray();
        Assert.Equal(HtmlReport.SectionIds.Where(s => s != "budget"), sections);
        var charts = document.Descendants(Svg + "svg").Select(s => (string?)s.Attribute("id") ?? "").ToArray();
        Assert.DoesNotContain("budget-impact", charts);
        Assert.DoesNotContain("tornado-budgetImpact", charts);
        Assert.Contains("tornado-treatedNew", charts);
        Assert.Single(NoCosts.Value.Report.Tornadoes);
    }

    [Fact]
    public void TheNewStartsTornadoIsTheExactExpectation()
    {
        var tornado = Payer.Value.Report.Tornadoes[0];

        Assert.Equal(MetricNames.TreatedNew, tornado.Output.Metric);
        Assert.Equal("total", tornado.Output.Indication);
        Assert.Equal(2030, tornado.Output.Year);
        Assert.Equal(FunnelSim.Analysis.TornadoMethod.Expectation, tornado.Method);
        Assert.Equal(MetricNames.BudgetImpact, Payer.Value.Report.Tornadoes[1].Output.Metric);
    }

    [Fact]
    public void PngsAreDrawnForEveryChart()
    {
        var charts = ReportCharts.All(Payer.Value.Report);
        try
        {
            foreach (var chart in charts)
            {
                byte[] png = chart.Png();
                Assert.True(png.Length > 2000, chart.Id);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            }
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }
    }
}
