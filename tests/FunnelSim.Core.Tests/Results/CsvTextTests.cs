using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Results;

public class CsvTextTests
{
    [Theory]
    [InlineData("treatedNew", "treatedNew")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    public void TextFieldsAreQuotedAndNeutralisedAgainstFormulas(string text, string field) =>
        Assert.Equal(field, CsvText.Field(text));

    [Fact]
    public void ResultsCsvCarriesTheIterationsEachRowSummarises()
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        var result = Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(500, 7, 1));

        string[] rows = ResultCsv.Write(result).TrimEnd('\n').Split('\n');

        Assert.EndsWith(",max,iterations", rows[0]);
        // Every metric summarises every iteration, except the budget impact per treated patient: only iterations in which
        // someone is treated (fewer in the rare indications' first years).
        var perTreated = rows.Skip(1).Where(r => r.Split(',')[2] == MetricNames.BudgetImpactPerTreated).ToArray();
        Assert.All(rows.Skip(1).Except(perTreated), row => Assert.EndsWith(",500", row));
        Assert.NotEmpty(perTreated);
        Assert.Contains(perTreated, row => long.Parse(row.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture) < 500);
    }
}
