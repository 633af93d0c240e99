using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Reporting;
using FunnelSim.Results;

namespace FunnelSim.Core.Tests.Reporting;

public class ReportPartsTests
{
    [Fact]
    public void ResultsJsonReadsBackToTheSameNumbersAndScenario()
    {
        var result = ReportFixture.Payer;

        var read = ResultJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(ResultJson.Write(result)));

        Assert.True(read.IsValid, string.Join("\n", read.Diagnostics));
        Assert.Equal(ResultJson.Write(result), ResultJson.Write(read.Result!));
        Assert.Equal(ScenarioHash.OfCanonical(result.Scenario), ScenarioHash.OfCanonical(read.Result!.Scenario));
    }

    [Fact]
    public void ResultsAreToldFromScenarios()
    {
        var result = ReportFixture.Payer;
        byte[] results = System.Text.Encoding.UTF8.GetBytes(ResultJson.Write(result));
        byte[] scenario = System.Text.Encoding.UTF8.GetBytes(ScenarioWriter.Write(result.Scenario));

        Assert.True(ResultJsonReader.LooksLikeResults(results));
        Assert.False(ResultJsonReader.LooksLikeResults(scenario));
        Assert.False(ResultJsonReader.LooksLikeResults("{ not json"u8));
        Assert.False(ResultJsonReader.Read("{ \"scenario\": {} }"u8).IsValid);
    }

    [Fact]
    public void TheScenarioHashIsTheSha256OfTheBytes() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ScenarioHash.OfFile("abc"u8));

    [Fact]
    public void TheFunnelShowsTheLostPatientsAndTheFalsePositives()
    {
        var stages = FunnelStage.Of(ReportFixture.Payer, "nsclc", 2030);

        Assert.Equal(MetricNames.Incident, stages[0].Metric);
        Assert.Equal([MetricNames.UntestedFusionPositive, MetricNames.FalseNegative],
            stages.Where(s => s.Kind == FunnelStageKind.Lost).Select(s => s.Metric));
        Assert.Equal([MetricNames.FalsePositive, MetricNames.TreatedNewFalsePositive],
            stages.Where(s => s.Kind == FunnelStageKind.FalsePositive).Select(s => s.Metric));
        Assert.Equal(MetricNames.TreatedNewFalsePositive, stages[^1].Metric);
        Assert.Contains(stages, s => s.Metric == "payer-approved");
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, 0, 0, 0)]
    [InlineData(0, 0, 0, 0, 0, 0, 1, 1, 3)]
    [InlineData(10, 14, 17, 22, 30, 38, 45, 50, 80)]
    public void PercentileBandsHoldEveryIterationOnce(double min, double p5, double p10, double p25, double p50, double p75,
        double p90, double p95, double max)
    {
        var summary = new MetricSummary(p50, 1, 0.1, p5, p10, p25, p50, p75, p90, p95, min, max);

        var bands = PercentileBand.Of(summary);

        Assert.Equal(1.0, bands.Sum(b => b.Share), 12);
        Assert.All(bands, b => Assert.True(b.To >= b.From));
        Assert.Equal(min, bands[0].From);
        Assert.Equal(max, bands[^1].To);
    }

    [Fact]
    public void TheInputsTableHasEveryParameterWithItsRangeAndSource()
    {
        var model = FunnelSim.Compilation.ModelCompiler.Compile(ReportFixture.Payer.Scenario);

        var rows = FunnelSim.Export.InputTable.Rows(model);

        Assert.Equal(model.ParameterList.Count + model.ParameterList.Count(p => p.RampTarget is not null), rows.Count);
        var prevalence = Assert.Single(rows, r => r.Path == "indications[0].prevalence");
        Assert.StartsWith("beta(", prevalence.Distribution);
        Assert.True(prevalence.Low < prevalence.Value && prevalence.Value < prevalence.High);
        Assert.False(string.IsNullOrWhiteSpace(prevalence.Source));
        Assert.Contains(rows, r => r.Path.EndsWith(".ramp.to", StringComparison.Ordinal) && r.Distribution.Contains("years", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Distribution == "fixed"), r => Assert.True(r.Low == r.Value && r.High == r.Value));
    }
}
