using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>
/// Rank correlations the Gaussian copula cannot draw: three pairwise −0.49 form a valid rank-correlation matrix, but
/// their normal-score correlations 2·sin(π·ρ/6) = −0.508 do not. Refused with an explanation by default; with
/// <c>simulation.correlationRepair: "nearest"</c> the nearest valid matrix (Higham 2002) is used, with a warning.
/// </summary>
public class CorrelationRepairTests
{
    private const string A = "indications[0].testing.uptake";
    private const string B = "indications[0].postDetectionSteps[0].probability.ramp.to";
    private const string C = "indications[1].incidence";

    private static string ThreeAgainstEachOther(double rho) =>
        $$"""[ { "a": "{{A}}", "b": "{{B}}", "rho": {{rho}} }, { "a": "{{B}}", "b": "{{C}}", "rho": {{rho}} }, { "a": "{{A}}", "b": "{{C}}", "rho": {{rho}} } ]""";

    private static ScenarioLoadResult Read(string correlations, string repair) =>
        ScenarioLoader.Read(ScenarioJson.With(("correlations", correlations), ("simulation.correlationRepair", $"\"{repair}\"")));

    [Fact]
    public void ConsistentRanksThatTheCopulaCannotDrawAreRefusedWithTheReason()
    {
        var result = Read(ThreeAgainstEachOther(-0.49), "none");

        var error = Assert.Single(result.Errors);
        Assert.Equal("correlations", error.Path);
        Assert.Contains("2·sin(π·ρ/6)", error.Message);
        Assert.Contains("not positive semi-definite", error.Message);
        Assert.Contains("correlationRepair", error.Message);
    }

    [Fact]
    public void TheNearestValidMatrixIsUsedWithAWarningNamingEveryChange()
    {
        var result = Read(ThreeAgainstEachOther(-0.49), "nearest");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Warnings, w => w.Path == "correlations");
        Assert.Contains("nearest valid matrix (Higham 2002)", warning.Message);
        foreach (int k in new[] { 0, 1, 2 }) Assert.Contains($"correlations[{k}]", warning.Message);
        Assert.Contains("-0.49 → -0.4826", warning.Message);
        Assert.Contains("\"correlationRepair\": \"nearest\"", ScenarioWriter.Write(result.Scenario!));
    }

    [Fact]
    public void TheRepairedMatrixIsTheNearestCorrelationMatrix()
    {
        // Three equal off-diagonals r: the nearest correlation matrix keeps them equal, at −1/2 (the edge of the cone),
        // pulled just inside so the copula has a Cholesky factor.
        double r = 2 * Math.Sin(Math.PI * -0.49 / 6);
        var nearest = NearestCorrelation.Of(new[,] { { 1, r, r }, { r, 1, r }, { r, r, 1 } });

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1, nearest[i, i], 12);
            for (int j = 0; j < 3; j++) if (i != j) Assert.Equal(-0.5, nearest[i, j], 5);
        }
        Assert.True(NearestCorrelation.SmallestEigenvalue(nearest) > 0);
        // A valid matrix is left as it is.
        var valid = new[,] { { 1, 0.3 }, { 0.3, 1.0 } };
        Assert.Equal(0.3, NearestCorrelation.Of(valid)[0, 1], 5);
    }

    [Fact]
    public void TheRepairedDrawsHaveTheWarnedRankCorrelations()
    {
        var result = Read(ThreeAgainstEachOther(-0.49), "nearest");
        var scenario = result.Scenario! with { Simulation = result.Scenario!.Simulation with { Iterations = 4_000 } };
        var model = ModelCompiler.Compile(scenario);
        var draws = new double[2][];
        for (int p = 0; p < 2; p++) draws[p] = new double[4_000];
        int[] index = [.. new[] { A, C }.Select(path => model.ParameterList.Single(q => q.Path == path).Index)];
        var runner = new IterationRunner(model, scenario.Simulation.Seed, iterations: 4_000);
        // Spearman of the drawn start values: the nearest matrix's −0.4826 (−1/2 as normal scores), within Monte Carlo error.
        for (long k = 0; k < 4_000; k++)
        {
            runner.Simulate(k);
            for (int p = 0; p < 2; p++) draws[p][k] = runner.DrawnParameters[index[p]];
        }
        double expected = 6 / Math.PI * Math.Asin(-0.25);
        double rho = MathNet.Numerics.Statistics.Correlation.Spearman(draws[0], draws[1]);
        // sd of a Spearman estimate ≈ (1 − ρ²)/√n ≈ 0.012 at n = 4,000: 4 sd.
        Assert.InRange(rho, expected - 0.05, expected + 0.05);
    }
}
