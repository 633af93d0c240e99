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
/// undefined per-treated iterations), doses. Speed work on the engine must not change a bit of a result.
/// </summary>
public class PinnedSummariesTests
{
    private static readonly object[][] Pins =
    [
        ["total", 1, "budgetImpact", new (string, double)[] { ("mean", 7324644.0914), ("sd", 3231273.272263187), ("mcse", 58994.70868940266), ("p5", 3059420.0258380943), ("p10", 3685201.963468617), ("p25", 4934865.550218221), ("p50", 6809546.575033686), ("p75", 9173561.849912392), ("p90", 11687570.140004098), ("p95", 13414359.822501648), ("min", 1187601.13), ("max", 23688795.0) }],
        ["total", 1, "budgetImpactFalsePositive", new (string, double)[] { ("mean", 561252.6279133334), ("sd", 835128.6291886913), ("mcse", 15247.292954167116), ("p5", 0.0), ("p10", 0.0), ("p25", 0.0), ("p50", 259329.0517130026), ("p75", 782176.245763836), ("p90", 1495596.6295585998), ("p95", 2105231.0834591608), ("min", -121171.68), ("max", 8227375.9) }],
        ["total", 4, "cumulativeBudgetImpact", new (string, double)[] { ("mean", 50281216.98752334), ("sd", 18128557.184337247), ("mcse", 330980.6568294617), ("p5", 25744630.31637105), ("p10", 29908006.1536036), ("p25", 37200645.06991853), ("p50", 47480836.28731758), ("p75", 60844794.2791002), ("p90", 74019334.12598912), ("p95", 83123409.89564477), ("min", 12950766.47), ("max", 133743330.54) }],
        ["nsclc", 2, "costDrug", new (string, double)[] { ("mean", 8236347.677156666), ("sd", 3870793.4600806194), ("mcse", 70670.6964509876), ("p5", 3171882.5661005066), ("p10", 3905263.8584104963), ("p25", 5353903.014924675), ("p50", 7555876.239363403), ("p75", 10431458.048991842), ("p90", 13336784.105596803), ("p95", 15523046.807195993), ("min", 877388.86), ("max", 29288081.74) }],
        ["pdac", 0, "budgetImpactPerTreated", new (string, double)[] { ("mean", 238660.60125882353), ("sd", 124082.36047933364), ("mcse", 2457.196887107164), ("p5", 52508.74294572746), ("p10", 91092.87191073375), ("p25", 153558.18501852208), ("p50", 226123.24436869388), ("p75", 306151.4091428962), ("p90", 402654.90180681326), ("p95", 467818.2763124758), ("min", -216596.42), ("max", 874405.55), ("iterations", 2550.0) }],
        ["total", 3, "doses", new (string, double)[] { ("mean", 583.039), ("sd", 201.89909829986388), ("mcse", 3.6861563492929457), ("p5", 304.95000000000005), ("p10", 348.0), ("p25", 432.0), ("p50", 560.0), ("p75", 702.0), ("p90", 853.0), ("p95", 952.0), ("min", 105.0), ("max", 1555.0) }],
        ["cca", 2, "costComparator", new (string, double)[] { ("mean", 19870.439316666667), ("sd", 33203.256868205106), ("mcse", 606.2057589784758), ("p5", 0.0), ("p10", 0.0), ("p25", 0.0), ("p50", 9612.642191078523), ("p75", 24485.44694211666), ("p90", 52252.05349255692), ("p95", 78734.33427161699), ("min", 0.0), ("max", 406819.31) }]
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
