using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Every parameter and step draws from its own stream, so a change to one input leaves everything upstream of it
/// identical: what-if deltas carry no noise from the unchanged parts.
/// </summary>
public class CommonRandomNumbersTests
{
    private static readonly string[] UpstreamOfPostDetection =
        ["incident", "advanced", "second-line", "laterLine", "fusionPositive", "tested", "truePositive",
         "falsePositive", "falseNegative", "untestedFusionPositive", "identified"];

    [Fact]
    public void ChangingAPostDetectionStepLeavesEveryUpstreamMetricIdentical()
    {
        var baseline = Simulator.Run(Scenario(iterations: 5_000), threads: 2);
        var changed = Simulator.Run(Scenario(iterations: 5_000,
            indications: Indication(postDetection: [Step("prescribed", Fixed(0.5)), Step("payer-approved", Fixed(0.9))])), threads: 2);

        AssertSame(baseline, changed, UpstreamOfPostDetection);
        Assert.NotEqual(baseline.Indications[0].Years[0].Metrics["treatedNew"], changed.Indications[0].Years[0].Metrics["treatedNew"]);
    }

    [Fact]
    public void ChangingTestingUptakeLeavesTheFunnelAboveTestingIdentical()
    {
        var baseline = Simulator.Run(Scenario(iterations: 5_000), threads: 2);
        var changed = Simulator.Run(Scenario(iterations: 5_000, indications: Indication(uptake: Fixed(0.8))), threads: 2);

        AssertSame(baseline, changed, ["incident", "advanced", "second-line", "laterLine", "fusionPositive"]);
        Assert.NotEqual(baseline.Indications[0].Years[0].Metrics["tested"], changed.Indications[0].Years[0].Metrics["tested"]);
    }

    [Fact]
    public void ChangingAPreTestStepLeavesTheStepsBeforeItIdentical()
    {
        var baseline = Simulator.Run(Scenario(iterations: 5_000), threads: 2);
        var changed = Simulator.Run(Scenario(iterations: 5_000,
            indications: Indication(preTest: [Step("advanced", Fixed(0.7)), Step("second-line", Fixed(0.3))])), threads: 2);

        AssertSame(baseline, changed, ["incident", "advanced"]);
        Assert.NotEqual(baseline.Indications[0].Years[0].Metrics["second-line"], changed.Indications[0].Years[0].Metrics["second-line"]);
    }

    [Fact]
    public void ChangingOneIndicationLeavesTheOtherIdentical()
    {
        var baseline = Simulator.Run(Scenario(iterations: 3_000, indications: [Indication("a"), Indication("b")]), threads: 2);
        var changed = Simulator.Run(Scenario(iterations: 3_000,
            indications: [Indication("a", prevalence: Fixed(0.3)), Indication("b")]), threads: 2);
        for (int t = 0; t < 3; t++)
            foreach (var (name, summary) in baseline.Indications[1].Years[t].Metrics)
                Assert.Equal(summary, changed.Indications[1].Years[t].Metrics[name]);
    }

    private static void AssertSame(SimulationResult a, SimulationResult b, string[] metrics)
    {
        for (int t = 0; t < a.Indications[0].Years.Count; t++)
            foreach (string metric in metrics)
                Assert.Equal(a.Indications[0].Years[t].Metrics[metric], b.Indications[0].Years[t].Metrics[metric]);
    }
}
