using System.Text.Json.Nodes;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Export;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Summaries of the built-in base case (3,000 iterations, seed 7) pinned to the values the engine gave before its
/// accumulators were batched and its per-patient pass vectorised: money metrics (with zeros, negative values and
/// undefined per-treated iterations), doses. Speed work on the engine must not change a bit of a result. Re-pinned on
/// purpose when the base case's inputs changed (issue 13 §1: ranges fitted to their percentiles, bounds as PERT).
/// </summary>
public class PinnedSummariesTests
{
    private static readonly object[][] Pins =
    [
        ["total", 1, "budgetImpact", new (string, double)[] { ("mean", 9597438.054713333), ("sd", 3755488.76873599), ("mcse", 68565.5304364668), ("p5", 4527751.662883653), ("p10", 5399603.140579719), ("p25", 6850526.685535134), ("p50", 8982930.1646708), ("p75", 11802669.315309383), ("p90", 14589845.743416922), ("p95", 16550659.116629055), ("min", 1875734.11), ("max", 30710914.67) }],
        ["total", 1, "budgetImpactFalsePositive", new (string, double)[] { ("mean", 1705940.98393), ("sd", 1262880.5049079587), ("mcse", 23056.93799905342), ("p5", 173431.10734831347), ("p10", 384475.4879801249), ("p25", 804386.6831080937), ("p50", 1436665.8069701465), ("p75", 2313648.1188157974), ("p90", 3341853.1168931844), ("p95", 4114122.07067971), ("min", -98618.6), ("max", 10168085.64) }],
        ["total", 4, "cumulativeBudgetImpact", new (string, double)[] { ("mean", 65129269.42115), ("sd", 20145584.751419205), ("mcse", 367806.3734161468), ("p5", 37052139.64898614), ("p10", 41935231.528768174), ("p25", 50416888.238749176), ("p50", 62447504.41129515), ("p75", 77194355.96152356), ("p90", 91498849.80068249), ("p95", 102148387.29014513), ("min", 20701267.31), ("max", 159640685.95) }],
        ["nsclc", 2, "costDrug", new (string, double)[] { ("mean", 10313275.193333333), ("sd", 4390038.6597071625), ("mcse", 80150.7734080453), ("p5", 4350215.922800073), ("p10", 5303279.763057204), ("p25", 7045052.145171994), ("p50", 9740823.429047804), ("p75", 12914177.631313639), ("p90", 16095279.054254124), ("p95", 18291307.740392596), ("min", 1079206.56), ("max", 33869931.72) }],
        ["pdac", 0, "budgetImpactPerTreated", new (string, double)[] { ("mean", 248395.03318536934), ("sd", 111514.37897490224), ("mcse", 2101.428146529817), ("p5", 78224.24991861795), ("p10", 113191.37259421684), ("p25", 172100.66869269128), ("p50", 239865.82376651122), ("p75", 311712.03182913386), ("p90", 391928.86756566254), ("p95", 441456.6833174077), ("min", -54505.98), ("max", 743640.44), ("iterations", 2816.0) }],
        ["total", 3, "doses", new (string, double)[] { ("mean", 706.176), ("sd", 218.38126098420094), ("mcse", 3.9870780925823226), ("p5", 398.95000000000005), ("p10", 452.0), ("p25", 543.0), ("p50", 685.0), ("p75", 835.0), ("p90", 1003.0), ("p95", 1101.0499999999997), ("min", 206.0), ("max", 1799.0) }],
        ["cca", 2, "costComparator", new (string, double)[] { ("mean", 25199.428773333333), ("sd", 33428.56776584222), ("mcse", 610.319354348062), ("p5", 0.0), ("p10", 0.0), ("p25", 111.6019168645227), ("p50", 14528.013697582623), ("p75", 34400.77358395571), ("p90", 63820.80651006432), ("p95", 91476.25020899446), ("min", 0.0), ("max", 308119.83) }]
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BaseCaseSummariesAreUnchanged(int threads)
    {
        var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
        var result = Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(3_000, 7, threads));
        var json = JsonNode.Parse(ResultJson.Write(result))!;
        foreach (var pin in Pins)
        {
            string group = (string)pin[0], metric = (string)pin[2];
            int year = (int)pin[1];
            var source = group == "total"
                ? json["total"]!
                : json["indications"]!.AsArray().Single(i => (string)i!["id"]! == group)!;
            var summary = source["years"]![year]!["metrics"]![metric]!;
            foreach (var (field, expected) in (ValueTuple<string, double>[])pin[3])
                Assert.True(expected == (double)summary[field]!,
                    $"{group} year {year} {metric}.{field}: expected {expected:R}, got {(double)summary[field]!:R}");
        }
    }
}
