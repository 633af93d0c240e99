using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Model;
using FunnelSim.Sampling;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// Latin hypercube strata (per replicate), Gaussian-copula rank correlations (Monte Carlo) and Iman–Conover reordering
/// (Latin hypercube) of the parameter draws (fixed seeds).
/// </summary>
public class SamplingDesignTests
{
    private const string Prevalence = "indications[0].prevalence";
    private const string Uptake = "indications[0].testing.uptake";
    private const string Prescribed = "indications[0].postDetectionSteps[0].probability";

    private static readonly UniformDistribution PrevalenceUniform = new(0.05, 0.15);
    private static readonly BetaDistribution UptakeBeta = new(6, 4);
    private static readonly PertDistribution PrescribedPert = new(0.5, 0.8, 0.9);

    private static Scenario ThreeUncertain(SamplingMethod sampling, long iterations, params Correlation[] correlations) =>
        Scenario(years: 1, iterations: iterations, indications: Indication(
            prevalence: Uncertain(PrevalenceUniform),
            uptake: Uncertain(UptakeBeta),
            postDetection: [Step("prescribed", Uncertain(PrescribedPert)), Step("payer-approved", Fixed(0.9))])) with
        {
            Simulation = new SimulationSettings(iterations, 17, sampling),
            Correlations = [.. correlations],
        };

    /// <summary>Each parameter's start value in every iteration: [parameter][iteration].</summary>
    private static double[][] Draws(Scenario scenario)
    {
        var model = ModelCompiler.Compile(scenario);
        long n = scenario.Simulation.Iterations;
        var runner = new IterationRunner(model, scenario.Simulation.Seed, iterations: n);
        var draws = model.ParameterList.Select(_ => new double[n]).ToArray();
        for (long k = 0; k < n; k++)
        {
            runner.Simulate(k);
            for (int p = 0; p < draws.Length; p++) draws[p][k] = runner.DrawnParameters[p];
        }
        return draws;
    }

    private static int IndexOf(Scenario scenario, string path) =>
        ModelCompiler.Compile(scenario).ParameterList.Single(p => p.Path == path).Index;

    [Theory]
    [InlineData(4)]
    [InlineData(997)]
    [InlineData(4096)]
    public void LatinHypercubeHitsEveryStratumOfEveryParameterExactlyOncePerReplicate(int n)
    {
        var scenario = ThreeUncertain(SamplingMethod.LatinHypercube, n);
        var draws = Draws(scenario);
        var layout = new HypercubeReplicates(n, SimulationSettings.DefaultLhsReplicates);

        for (int r = 0; r < layout.Count; r++)
        {
            int first = (int)layout.Start(r), size = (int)layout.SizeOf(r);
            var strata = draws[IndexOf(scenario, Prevalence)].Skip(first).Take(size)
                .Select(x => (int)Math.Floor((x - 0.05) / 0.1 * size)).ToArray();
            Assert.Equal(Enumerable.Range(0, size), strata.Order());
            var uptakeStrata = draws[IndexOf(scenario, Uptake)].Skip(first).Take(size)
                .Select(x => (int)Math.Floor(MathNet.Numerics.Distributions.Beta.CDF(6, 4, x) * size + 1e-9)).ToArray();
            Assert.Equal(Enumerable.Range(0, size), uptakeStrata.Order());
        }
    }

    [Fact]
    public void LatinHypercubeMeansAreUnbiasedAndFarTighterThanMonteCarlo()
    {
        const int n = 2000;
        var lhs = Draws(ThreeUncertain(SamplingMethod.LatinHypercube, n));
        var scenario = ThreeUncertain(SamplingMethod.MonteCarlo, n);
        int uptake = IndexOf(scenario, Uptake), prescribed = IndexOf(scenario, Prescribed);

        // For a stratified sample of a smooth quantile function the error of the mean is O(N^−3/2): well inside a tenth of
        // the Monte Carlo standard error sd/√N.
        foreach (var (index, distribution) in new (int, Distribution)[] { (uptake, UptakeBeta), (prescribed, PrescribedPert) })
        {
            double mcse = distribution.StandardDeviation / Math.Sqrt(n);
            double error = Math.Abs(lhs[index].Average() - distribution.Mean);
            Assert.True(error < 0.1 * mcse, $"parameter {index}: LHS mean error {error} vs MCSE {mcse}");
        }
    }

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo, 0.7)]
    [InlineData(SamplingMethod.MonteCarlo, -0.4)]
    [InlineData(SamplingMethod.LatinHypercube, 0.7)]
    [InlineData(SamplingMethod.LatinHypercube, -0.4)]
    public void RealisedRankCorrelationsMatchTheTargets(SamplingMethod sampling, double rho)
    {
        const int n = 20_000;
        var scenario = ThreeUncertain(sampling, n, new Correlation(Uptake, Prevalence, rho), new Correlation(Uptake, Prescribed, 0.3));
        var draws = Draws(scenario);
        int uptake = IndexOf(scenario, Uptake), prevalence = IndexOf(scenario, Prevalence), prescribed = IndexOf(scenario, Prescribed);

        // Standard error of Spearman's ρ: (1 − ρ²) √(1.06 / (n − 3)) (Fieller, Hartley and Pearson 1957); 4 of them.
        static double Tolerance(double target) => 4 * (1 - target * target) * Math.Sqrt(1.06 / (n - 3));
        double realised = Spearman(draws[uptake], draws[prevalence]);
        Assert.True(Math.Abs(realised - rho) < Tolerance(rho), $"uptake~prevalence {realised} vs {rho}");
        double second = Spearman(draws[uptake], draws[prescribed]);
        Assert.True(Math.Abs(second - 0.3) < Tolerance(0.3), $"uptake~prescribed {second} vs 0.3");
        // A pair not listed is independent.
        double third = Spearman(draws[prevalence], draws[prescribed]);
        Assert.True(Math.Abs(third) < Tolerance(0), $"prevalence~prescribed {third} vs 0");

        // Marginals stay exact: the uniform's mean within 4 MCSE.
        double uniformMcse = PrevalenceUniform.StandardDeviation / Math.Sqrt(n);
        Assert.True(Math.Abs(draws[prevalence].Average() - PrevalenceUniform.Mean) < 4 * uniformMcse);
    }

    [Fact]
    public void UnderMonteCarloACorrelationLeavesOtherParametersDrawsUnchanged()
    {
        var independent = ThreeUncertain(SamplingMethod.MonteCarlo, 500);
        var correlated = ThreeUncertain(SamplingMethod.MonteCarlo, 500, new Correlation(Uptake, Prevalence, 0.8));
        int prescribed = IndexOf(independent, Prescribed);
        Assert.Equal(Draws(independent)[prescribed], Draws(correlated)[prescribed]);
        Assert.NotEqual(Draws(independent)[IndexOf(independent, Prevalence)], Draws(correlated)[IndexOf(correlated, Prevalence)]);
    }

    [Theory]
    [InlineData(SamplingMethod.MonteCarlo)]
    [InlineData(SamplingMethod.LatinHypercube)]
    public void ResultsAreTheSameForOneTwoAndFourThreads(SamplingMethod sampling)
    {
        var scenario = ThreeUncertain(sampling, 10_000, new Correlation(Uptake, Prevalence, 0.5));
        var one = Simulator.Run(scenario, threads: 1);
        var two = Simulator.Run(scenario, threads: 2);
        var four = Simulator.Run(scenario, threads: 4);
        Assert.Equal(one.Indications[0].Years[0].Metrics, two.Indications[0].Years[0].Metrics);
        Assert.Equal(one.Indications[0].Years[0].Metrics, four.Indications[0].Years[0].Metrics);
        Assert.Equal(one.Total.Years[0].Metrics, four.Total.Years[0].Metrics);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(1025)]
    public void TheStratumPermutationIsABijectionThatDependsOnTheKey(int n)
    {
        var first = Enumerable.Range(0, n).Select(k => StratumPermutation.Of(k, n, 12345)).ToArray();
        var second = Enumerable.Range(0, n).Select(k => StratumPermutation.Of(k, n, 54321)).ToArray();
        Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), first.Order());
        if (n >= 1000) Assert.NotEqual(first, second);
    }

    [Fact]
    public void TheCholeskyFactorReproducesTheMatrixAndRejectsAnInconsistentOne()
    {
        double[,] matrix = { { 1, 0.5, 0.2 }, { 0.5, 1, 0.3 }, { 0.2, 0.3, 1 } };
        var l = CholeskyFactor.Of(matrix)!;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                Assert.Equal(matrix[i, j], Enumerable.Range(0, 3).Sum(k => l[i * 3 + k] * l[j * 3 + k]), 12);
        }
        Assert.NotNull(CholeskyFactor.Of(new double[,] { { 1, 1 }, { 1, 1 } }));
        Assert.Null(CholeskyFactor.Of(new double[,] { { 1, 0.9, -0.9 }, { 0.9, 1, 0.9 }, { -0.9, 0.9, 1 } }));
    }

    private static double Spearman(double[] x, double[] y) => Pearson(Ranks(x), Ranks(y));

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (int r = 0; r < order.Length; r++) ranks[order[r]] = r;
        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
