using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Sampling;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Replicated Latin hypercube (issue 13 §2): R independent hypercubes, the mean of the replicate means, and an MCSE from
/// their spread that matches the estimate's real spread over seeds (fixed seeds; tolerances from the error of the check).
/// </summary>
public class ReplicatedLatinHypercubeTests
{
    private static string BaseCase => System.Text.Encoding.UTF8.GetString(BuiltInScenarios.UsNationalBaseJson);

    private static Scenario Smooth(SamplingMethod sampling, long iterations, int replicates = SimulationSettings.DefaultLhsReplicates) =>
        Scenario(years: 1, iterations: iterations, indications: Indication(
            incidence: Fixed(20_000),
            preTest: [Step("advanced", Uncertain(new BetaDistribution(20, 10))), Step("second-line", Fixed(0.5))],
            prevalence: Uncertain(new UniformDistribution(0.05, 0.15)),
            uptake: Uncertain(new BetaDistribution(6, 4)))) with
        {
            Simulation = new SimulationSettings(iterations, 5, sampling) { LhsReplicates = replicates },
        };

    [Theory]
    [InlineData(4, 10, 2, 2, 0)]
    [InlineData(5, 10, 2, 2, 1)]
    [InlineData(19, 10, 9, 2, 1)]
    [InlineData(20, 10, 10, 2, 0)]
    [InlineData(23, 10, 10, 2, 3)]
    [InlineData(20_000, 10, 10, 2_000, 0)]
    [InlineData(20_007, 10, 10, 2_000, 7)]
    public void ReplicatesSplitTheRunIntoSizesDifferingByAtMostOne(long n, int asked, int count, long size, int larger)
    {
        var layout = new HypercubeReplicates(n, asked);

        Assert.Equal((count, size, larger), (layout.Count, layout.Size, layout.Larger));
        long covered = 0;
        for (int r = 0; r < layout.Count; r++)
        {
            Assert.Equal(covered, layout.Start(r));
            Assert.InRange(layout.SizeOf(r), size, size + 1);
            for (long k = layout.Start(r); k < layout.Start(r) + layout.SizeOf(r); k++) Assert.Equal(r, layout.Of(k));
            covered += layout.SizeOf(r);
        }
        Assert.Equal(n, covered);
    }

    [Fact]
    public void TheLayoutContinuedByWholeReplicatesIsTheLayoutOfTheLongerRun()
    {
        var first = new HypercubeReplicates(23, 10);
        var longer = new HypercubeReplicates(23 + 4 * first.Size, 14);
        for (long k = 0; k < longer.Iterations; k++) Assert.Equal(longer.Of(k), first.Of(k));
        for (int r = 0; r < longer.Count; r++) Assert.Equal((longer.Start(r), longer.SizeOf(r)), (first.Start(r), first.SizeOf(r)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryParameterTakesEachStratumOfEachReplicateExactlyOnce(bool correlated)
    {
        // Given 1,003 iterations in 10 replicates (3 of 101, 7 of 100), with or without correlations (Iman–Conover)
        const int n = 1003;
        var scenario = Smooth(SamplingMethod.LatinHypercube, n);
        if (correlated)
            scenario = scenario with
            {
                Correlations = [new Correlation("indications[0].testing.uptake", "indications[0].prevalence", 0.7),
                    new Correlation("indications[0].testing.uptake", "indications[0].preTestSteps[0].probability", -0.4)],
            };
        var model = ModelCompiler.Compile(scenario);
        var runner = new IterationRunner(model, 5, iterations: n);
        var layout = new HypercubeReplicates(n, 10);
        int prevalence = model.ParameterList.Single(p => p.Path == "indications[0].prevalence").Index;
        int uptake = model.ParameterList.Single(p => p.Path == "indications[0].testing.uptake").Index;

        for (int r = 0; r < layout.Count; r++)
        {
            long size = layout.SizeOf(r);
            var prevalenceStrata = new List<long>();
            var uptakeStrata = new List<long>();
            for (long k = layout.Start(r); k < layout.Start(r) + size; k++)
            {
                runner.Simulate(k);
                prevalenceStrata.Add((long)Math.Floor((runner.DrawnParameters[prevalence] - 0.05) / 0.1 * size));
                uptakeStrata.Add((long)Math.Floor(MathNet.Numerics.Distributions.Beta.CDF(6, 4, runner.DrawnParameters[uptake]) * size + 1e-9));
            }
            Assert.Equal(Enumerable.Range(0, (int)size).Select(i => (long)i), prevalenceStrata.Order());
            Assert.Equal(Enumerable.Range(0, (int)size).Select(i => (long)i), uptakeStrata.Order());
        }
    }

    [Fact]
    public void TheEstimateIsTheMeanOfTheReplicateMeans()
    {
        // Sizes 3, 2 (n = 5 in 2 replicates): means (1 + 2 + 6)/3 = 3 and (4 + 8)/2 = 6 → 4.5, not the overall 21/5.
        var (mean, mcse) = ReplicateMoments.Of([9, 12], [3, 2]);
        Assert.Equal(4.5, mean, 12);
        // c = Σ m_r (ȳ_r − ȳ_w)² / (R − 1) with ȳ_w = 4.2: 3·1.44 + 2·3.24 = 10.8; Var = c (1/3 + 1/2) / 4 = 2.25.
        Assert.Equal(1.5, mcse, 12);
        // Equal sizes: sd of the replicate means / √R.
        var (equalMean, equalMcse) = ReplicateMoments.Of([2, 4, 9], [2, 2, 2]);
        double[] means = [1, 2, 4.5];
        Assert.Equal(means.Average(), equalMean, 12);
        double sd = Math.Sqrt(means.Sum(m => (m - means.Average()) * (m - means.Average())) / 2);
        Assert.Equal(sd / Math.Sqrt(3), equalMcse, 12);
    }

    [Theory]
    [InlineData(500)]   // 10 replicates of 50
    [InlineData(505)]   // 5 of 51 and 5 of 50
    public void TheReportedMcseMatchesTheSpreadOfTheEstimateOverSeeds(long n)
    {
        // Given 300 independent Latin hypercube runs (seeds 1 … 300) of the same scenario
        const int seeds = 300;
        var model = ModelCompiler.Compile(Smooth(SamplingMethod.LatinHypercube, n));
        foreach (string metric in new[] { "laterLine", "treatedNew" })
        {
            var estimates = new double[seeds];
            var squaredMcse = new double[seeds];
            for (int s = 0; s < seeds; s++)
            {
                var summary = Simulator.Run(model, new RunOptions(n, (ulong)s + 1, 1)).Indications[0].Years[0].Metrics[metric];
                estimates[s] = summary.Mean;
                squaredMcse[s] = summary.Mcse * summary.Mcse;
            }

            // Then the mean reported variance (MCSE²) matches the estimates' variance over seeds. The ratio's relative
            // error: √(2/(S − 1)) from the empirical variance and √(2/(R − 1))/√S from the MCSE²; allow four of them.
            double mean = estimates.Average();
            double empirical = estimates.Sum(e => (e - mean) * (e - mean)) / (seeds - 1);
            double ratio = squaredMcse.Average() / empirical;
            double tolerance = 4 * Math.Sqrt(2.0 / (seeds - 1) + 2.0 / 9 / seeds);
            Assert.True(Math.Abs(ratio - 1) < tolerance, $"{metric}: mean MCSE² / var(estimate) = {ratio:F3} (tolerance {tolerance:F3})");
        }
    }

    [Fact]
    public void OnASmoothOutputTheLatinHypercubeMcseIsFarBelowMonteCarlos()
    {
        const long n = 2_000;
        var lhs = Simulator.Run(ModelCompiler.Compile(Smooth(SamplingMethod.LatinHypercube, n)), new RunOptions(n, 11, 2));
        var mc = Simulator.Run(ModelCompiler.Compile(Smooth(SamplingMethod.MonteCarlo, n)), new RunOptions(n, 11, 2));
        double lhsMcse = lhs.Indications[0].Years[0].Metrics["laterLine"].Mcse;
        double mcMcse = mc.Indications[0].Years[0].Metrics["laterLine"].Mcse;

        // laterLine is driven by one smooth parameter (sd ≈ 860) plus counting noise (sd ≈ 80) that stratification keeps.
        Assert.True(lhsMcse < 0.3 * mcMcse, $"LHS MCSE {lhsMcse} vs Monte Carlo {mcMcse}");
        Assert.Equal(10, lhs.Run.LhsReplicates);
        Assert.Null(mc.Run.LhsReplicates);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FewerThanFourIterationsAreRefusedNamingThePlace(long n)
    {
        string json = BaseCase
            .Replace("\"sampling\": \"monte-carlo\"", "\"sampling\": \"latin-hypercube\"")
            .Replace("\"iterations\": 20000", $"\"iterations\": {n}");
        var loaded = ScenarioReader.Read(json);

        var error = Assert.Single(loaded.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("simulation.iterations", error.Path);
        Assert.Contains("Latin hypercube sampling needs at least 4 iterations", error.Message);

        // And a run asked for fewer (the command line's --iterations) stops with the same reason.
        var model = ModelCompiler.Compile(Smooth(SamplingMethod.LatinHypercube, 100));
        var e = Assert.Throws<SimulationLimitException>(() => Simulator.Run(model, new RunOptions(n, 1, 1)));
        Assert.Contains("simulation.iterations (or --iterations): Latin hypercube sampling needs at least 4 iterations", e.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100001")]
    [InlineData("2.5")]
    public void LhsReplicatesOutsideItsRangeIsRefused(string value)
    {
        string json = BaseCase.Replace("\"sampling\": \"monte-carlo\"",
            $"\"sampling\": \"latin-hypercube\", \"lhsReplicates\": {value}");
        var loaded = ScenarioReader.Read(json);

        var error = Assert.Single(loaded.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("simulation.lhsReplicates", error.Path);
    }

    [Fact]
    public void LhsReplicatesRoundTripsThroughJson()
    {
        var scenario = Smooth(SamplingMethod.LatinHypercube, 100, replicates: 25);
        var read = ScenarioReader.Read(ScenarioWriter.Write(scenario));
        Assert.Equal(25, read.Scenario!.Simulation.LhsReplicates);
    }

    [Fact]
    public void APrecisionRunAddsReplicatesAndEqualsAPlainRunOfItsLength()
    {
        // Given a Latin hypercube scenario and a target the first chunk does not meet
        var model = ModelCompiler.Compile(Smooth(SamplingMethod.LatinHypercube, 1_000));
        var target = new PrecisionTarget(0.001, MaxIterations: 60_000, FirstChunk: 2_000);

        // When
        var chunked = PrecisionRun.Run(model, 9, target, threads: 2);

        // Then it added whole replicates of 200, and a plain run of the final length and replicates is the same
        Assert.True(chunked.Run.Convergence!.Chunks > 1);
        Assert.Equal(0, chunked.Run.Iterations % 200);
        Assert.Equal((int)(chunked.Run.Iterations / 200), chunked.Run.LhsReplicates!.Value);
        Assert.Equal(chunked.Run.LhsReplicates, chunked.Scenario.Simulation.LhsReplicates);
        var plain = Simulator.Run(ModelCompiler.Compile(chunked.Scenario), new RunOptions(chunked.Run.Iterations, 9, 3));
        Assert.Equal(plain.Indications[0].Years[0].Metrics, chunked.Indications[0].Years[0].Metrics);
        Assert.Equal(plain.Total.Years[0].Metrics, chunked.Total.Years[0].Metrics);
    }

    [Fact]
    public void IdenticalLatinHypercubeScenariosCompareToZeroWithZeroError()
    {
        // B's file asks for other replicates: both sides still use A's layout, so every iteration pairs.
        var a = Smooth(SamplingMethod.LatinHypercube, 1_000);
        var b = a with { Simulation = a.Simulation with { LhsReplicates = 7 } };
        var comparison = ScenarioComparison.Run(a, b, new RunOptions(1_000, 3, 2));

        var treated = comparison.Indications[0].Years[0].Metrics["treatedNew"];
        Assert.Equal(0, treated.Difference.Mean);
        Assert.Equal(0, treated.Difference.Mcse);
        Assert.Equal(treated.A, treated.B);
        Assert.Equal(10, comparison.Run.LhsReplicates);
        Assert.Contains("replicates", ScenarioComparison.SamplingNote(a, b));
    }

    [Fact]
    public void APairedLatinHypercubeDifferenceHasItsMcseFromTheReplicates()
    {
        var a = Smooth(SamplingMethod.LatinHypercube, 1_000);
        var b = a with
        {
            Indications = [a.Indications[0] with { Testing = a.Indications[0].Testing with { Uptake = Uncertain(new BetaDistribution(7, 3)) } }],
        };
        var comparison = ScenarioComparison.Run(a, b, new RunOptions(1_000, 3, 2));
        var run = Simulator.Run(ModelCompiler.Compile(a), new RunOptions(1_000, 3, 2));

        var identified = comparison.Indications[0].Years[0].Metrics["identified"];
        // A's side is exactly A's run, and the difference's MCSE comes from the replicates, not sd/√n.
        Assert.Equal(run.Indications[0].Years[0].Metrics["identified"], identified.A);
        Assert.NotEqual(identified.Difference.Sd / Math.Sqrt(1_000), identified.Difference.Mcse);
        Assert.True(identified.Difference.Mcse > 0);
    }
}
