using System.IO.Compression;
using static FunnelSim.Tests.CliHarness;
using FunnelSim.Model;

namespace FunnelSim.Tests;

public class WorkbookCommandTests
{
    private static string[] Sheets(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        return [.. System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), "<x:sheet name=\"([^\"]+)\"|<sheet name=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];
    }

    [Fact]
    public void RunWritesAWorkbookByExtensionOrFormat()
    {
        using var temp = new TempFolder();

        var byExtension = Run("run", Scenario("payer-commercial-1m.json"), "-n", "300", "--out", temp.File("r.xlsx"));
        var byFormat = Run("run", "-n", "300", "--format", "xlsx", "--out", temp.File("base.out"));

        Assert.Equal(0, byExtension.ExitCode);
        Assert.Equal(0, byFormat.ExitCode);
        Assert.Equal(["Total", "nsclc", "pdac", "cca", "Budget", "Inputs", "Run"], Sheets(temp.File("r.xlsx")));
        Assert.Contains("Total", Sheets(temp.File("base.out")));
        Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp"));
    }

    [Fact]
    public void AWorkbookNeedsAFile()
    {
        var run = Run("run", "-n", "100", "--format", "xlsx");
        var budget = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "100", "--format", "xlsx");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--out FILE.xlsx", run.Error);
        Assert.Equal(2, budget.ExitCode);
    }

    [Fact]
    public void BudgetAndCompareWriteWorkbooksAndStillPrintTheirTables()
    {
        using var temp = new TempFolder();

        var budget = Run("budget", Scenario("payer-commercial-1m.json"), "-n", "300", "--out", temp.File("budget.xlsx"));
        var compare = Run("compare", Scenario("us-national-base.json"), Scenario("whatif-rna-first-testing.json"), "-n", "300",
            "--out", temp.File("compare.xlsx"));

        Assert.Equal(0, budget.ExitCode);
        Assert.Contains("Budget impact", budget.Out);
        Assert.Contains("Budget", Sheets(temp.File("budget.xlsx")));
        Assert.Equal(0, compare.ExitCode);
        Assert.Contains("B − A", compare.Out);
        Assert.Equal(["Total", "nsclc", "pdac", "cca", "Inputs A", "Inputs B", "Run"], Sheets(temp.File("compare.xlsx")));
    }

    [Fact]
    public void ASweepWritesAWorkbookPerPointAndTheSweepWorkbook()
    {
        using var temp = new TempFolder();
        File.Copy(Scenario("us-national-base.json"), temp.File("base.json"));
        File.WriteAllText(temp.File("sweep.json"),
            "{ \"base\": \"base.json\", \"axes\": [ { \"path\": \"indications[1].prevalence.value\", \"values\": [0.001, 0.002] } ] }");

        var outcome = Run("batch", "--sweep", temp.File("sweep.json"), "--out-dir", temp.File("out"), "-n", "200", "--format", "xlsx");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(2, Directory.GetFiles(temp.File("out"), "point-*.results.xlsx").Length);
        Assert.Contains("Total", Sheets(temp.File("out/sweep.xlsx")));
        Assert.True(File.Exists(temp.File("out/sweep.csv")));
    }

    [Fact]
    public void TornadoRefusesAWorkbook()
    {
        using var temp = new TempFolder();

        var outcome = Run("tornado", "--metric", "treatedNew", "--out", temp.File("t.xlsx"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Excel workbook", outcome.Error);
        Assert.False(File.Exists(temp.File("t.xlsx")));
    }
}
