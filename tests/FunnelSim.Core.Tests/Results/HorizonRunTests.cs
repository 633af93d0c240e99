using System.Text.RegularExpressions;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Results;

/// <summary>A run with totals over the horizon gives the plain run's results, and sums per iteration.</summary>
public sealed class HorizonRunTests
{
    private static CompiledModel BaseCase(SamplingMethod sampling = SamplingMethod.MonteCarlo)
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        return ModelCompiler.Compile(scenario with { Simulation = new SimulationSettings(600, 3, sampling) });
    }

    private static string Json(FunnelSim.Results.SimulationResult result) =>
        Regex.Replace(ResultJson.Write(result), "\"elapsedSeconds\": [^,}\\n]+", "\"elapsedSeconds\": 0");

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo, 1)]
    [InlineData(SamplingMethod.LatinHypercube, 2)]
    public void ItsResultIsThePlainRunsAndItsTotalsDoNotDependOnThreads(SamplingMethod sampling, int threads)
    {
        var model = BaseCase(sampling);

        var (result, horizon) = HorizonRun.Run(model, new RunOptions(600, 3, threads));
        var (_, other) = HorizonRun.Run(model, new RunOptions(600, 3, 3 - threads));

        Assert.Equal(Json(Simulator.Run(model, new RunOptions(600, 3, 1))), Json(result));
        Assert.Equal(horizon.Total[MetricNames.CostDrug], other.Total[MetricNames.CostDrug]);
        Assert.Equal(horizon.Of("pdac")![MetricNames.Doses], other.Of("pdac")![MetricNames.Doses]);
    }

    [Fact]
    public void ATotalOverTheHorizonIsTheSumOfTheYearsPerIteration()
    {
        var model = BaseCase();

        var (result, horizon) = HorizonRun.Run(model, new RunOptions(600, 3, 2));

        foreach (string metric in HorizonRun.CountMetrics.Concat(HorizonRun.MoneyMetrics))
        {
            foreach (var (id, years) in result.Indications.Select(i => ((string?)i.Id, i.Years)).Append((null, result.Total.Years)))
            {
                var total = horizon.Of(id)![metric];
                double sumOfMeans = years.Sum(y => y.Metrics[metric].Mean);
                Assert.Equal(sumOfMeans, total.Mean, Math.Max(1e-9, sumOfMeans * 1e-9));
                // Per iteration, the sum is at least each year's value: its percentiles lie above any year's (money
                // percentiles come from a sketch, within 0.1%).
                double yearP95 = years.Max(y => y.Metrics[metric].P95);
                Assert.True(total.P95 >= yearP95 * (1 - 2e-3) - 1e-6, $"{id} {metric}");
                Assert.True(total.P5 <= total.Mean && total.Mean <= total.P95, $"{id} {metric}");
            }
        }
        Assert.False(horizon.Total.ContainsKey(MetricNames.OnTreatment));
    }

    [Fact]
    public void WithoutCostsThereAreNoDrugSales()
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario! with { Costs = null };
        var model = ModelCompiler.Compile(scenario with { Simulation = new SimulationSettings(300, 3, SamplingMethod.MonteCarlo) });

        var (_, horizon) = HorizonRun.Run(model, new RunOptions(300, 3, 1));

        Assert.False(horizon.Total.ContainsKey(MetricNames.CostDrug));
        Assert.True(horizon.Total[MetricNames.TreatedNew].Mean > 0);
    }
}
