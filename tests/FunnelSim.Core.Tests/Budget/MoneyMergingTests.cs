using System.Text.Json.Nodes;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Model;
using FunnelSim.Results;
using FunnelSim.Sampling;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestCosts;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Budget;

/// <summary>Money summaries merge exactly: the same bits for any thread count and any order of merging.</summary>
public class MoneyMergingTests
{
    private static string Summaries(SimulationResult result)
    {
        var json = JsonNode.Parse(ResultJson.Write(result))!.AsObject();
        json.Remove("run");
        return json.ToJsonString();
    }

    [Fact]
    public void BudgetResultsAreIdenticalForOneTwoAndThreeThreads()
    {
        var scenario = Scenario(years: 3, iterations: 10_001, seed: 99,
            population: new PlanPopulation(5_000_000, 1_000_000, 1),
            indications: [Indication("a", incidence: Uncertain(new global::FunnelSim.Distributions.LogNormalDistribution(1500, 200))), Indication("b")])
            with { Costs = Costs(indications: ["a", "b"], threshold: 1_000_000) with
            {
                DrugPerDose = Uncertain(new global::FunnelSim.Distributions.LogNormalDistribution(24683, 3000)),
            } };
        string one = Summaries(Simulator.Run(scenario, threads: 1));
        Assert.Contains("budgetImpactPerTreated", one);
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 2)));
        Assert.Equal(one, Summaries(Simulator.Run(scenario, threads: 3)));
    }

    [Fact]
    public void MergingInAnyOrderGivesTheSameAccumulators()
    {
        // Three shards of values with both signs, zeros and undefined cells, merged as (a+b)+c and c+(b+a).
        var shards = Enumerable.Range(0, 3).Select(s => Shard(s, 3_000)).ToArray();
        var left = Accumulate(shards[0]);
        left.Merge(Accumulate(shards[1]));
        left.Merge(Accumulate(shards[2]));
        var right = Accumulate(shards[2]);
        var middle = Accumulate(shards[1]);
        middle.Merge(Accumulate(shards[0]));
        right.Merge(middle);
        var whole = Accumulate([.. shards.SelectMany(x => x)]);

        for (int cell = 0; cell < 4; cell++)
        {
            var expected = ResultBuilder.SummarizeMoney(whole, cell);
            Assert.Equal(expected, ResultBuilder.SummarizeMoney(left, cell));
            Assert.Equal(expected, ResultBuilder.SummarizeMoney(right, cell));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void SketchQuantilesAreWithinATenthOfAPercentOfTheExactOnes(int cell)
    {
        // Cell 0: positive log-normal amounts; 1: mostly negative; 2: wide (five decades).
        var rows = Shard(7, 20_000);
        var money = Accumulate(rows);
        var values = rows.Select(r => r[cell]).Where(v => v != MoneyAccumulators.Undefined).Select(v => (double)v).Order().ToArray();
        var summary = ResultBuilder.SummarizeMoney(money, cell);
        double[] estimates = [summary.P5, summary.P10, summary.P25, summary.P50, summary.P75, summary.P90, summary.P95];
        var probabilities = MetricSummary.Probabilities;
        for (int q = 0; q < probabilities.Length; q++)
        {
            double h = (values.Length - 1) * probabilities[q];
            int low = (int)Math.Floor(h);
            double exact = (values[low] + (h - low) * (values[Math.Min(low + 1, values.Length - 1)] - values[low])) / 100;
            Assert.True(Math.Abs(estimates[q] - exact) <= LogBucketSketch.RelativeAccuracy * Math.Abs(exact) + 1e-9,
                $"cell {cell} p{probabilities[q]}: sketch {estimates[q]} vs exact {exact}");
        }
        // Mean, min and max are exact.
        Assert.Equal(values.Average() / 100, summary.Mean, 1e-6);
        Assert.Equal(values[0] / 100, summary.Min);
        Assert.Equal(values[^1] / 100, summary.Max);
    }

    [Fact]
    public void AnEmptyCellSummarisesToZerosWithNoIterations()
    {
        var money = new MoneyAccumulators(1);
        money.Add([MoneyAccumulators.Undefined]);
        Assert.Equal(0, money.Count(0));
        Assert.Equal(0, ResultBuilder.SummarizeMoney(money, 0).Mean);
    }

    private static MoneyAccumulators Accumulate(long[][] rows)
    {
        var money = new MoneyAccumulators(4);
        foreach (var row in rows) money.Add(row);
        return money;
    }

    /// <summary>Rows of four cells: positive amounts, mostly negative amounts, a five-decade spread, and a cell with zeros and gaps.</summary>
    private static long[][] Shard(int seed, int count)
    {
        var rng = Rng.FromSeed((ulong)seed + 1);
        var rows = new long[count][];
        for (int i = 0; i < count; i++)
        {
            double z = rng.NextStandardNormal();
            rows[i] =
            [
                (long)Math.Round(Math.Exp(20 + 0.7 * z)),
                (long)Math.Round(-Math.Exp(15 + z) + 400_000),
                (long)Math.Round(Math.Exp(6 + 11.5 * rng.NextDouble())),
                rng.NextDouble() < 0.5 ? 0 : rng.NextDouble() < 0.5 ? MoneyAccumulators.Undefined : (long)(z * 1e6),
            ];
        }
        return rows;
    }
}
