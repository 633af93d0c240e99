using FunnelSim.Compilation;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

namespace FunnelSim.Core.Tests.Validation;

/// <summary>Reading <c>correlations</c> and <c>latin-hypercube</c>: valid input round-trips, bad input is a clear error at its path.</summary>
public class CorrelationReaderTests
{
    private const string Uptake0 = "indications[0].testing.uptake";
    private const string Prescribed = "indications[0].postDetectionSteps[0].probability";
    private const string Uptake1 = "indications[1].incidence";

    private static ScenarioLoadResult Read(string correlations, string sampling = "monte-carlo") =>
        ScenarioLoader.Read(ScenarioJson.With(("correlations", correlations), ("simulation.sampling", $"\"{sampling}\"")));

    private static string Entries(params (string A, string B, string Rho)[] entries) =>
        "[" + string.Join(", ", entries.Select(e => $$"""{ "a": "{{e.A}}", "b": "{{e.B}}", "rho": {{e.Rho}} }""")) + "]";

    private static Diagnostic SingleError(ScenarioLoadResult result) =>
        Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);

    [Fact]
    public void CorrelationsAndLatinHypercubeAreReadAndWrittenBack()
    {
        var result = Read(Entries((Uptake0, Uptake1, "0.6"), (Prescribed + ".ramp.to", "indications[0].prevalence", "-0.25")),
            "latin-hypercube");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.Equal(SamplingMethod.LatinHypercube, scenario.Simulation.Sampling);
        Assert.Equal([new Correlation(Uptake0, Uptake1, 0.6), new Correlation(Prescribed + ".ramp.to", "indications[0].prevalence", -0.25)],
            scenario.Correlations.ToArray());

        string written = ScenarioWriter.Write(scenario);
        Assert.Contains("\"latin-hypercube\"", written);
        var again = ScenarioLoader.Read(written).Scenario!;
        Assert.Equal(scenario.Correlations.ToArray(), again.Correlations.ToArray());
        Assert.Equal(written, ScenarioWriter.Write(again));
    }

    [Fact]
    public void TheRunSaysWhichSamplingItUsed()
    {
        var scenario = Read("[]", "latin-hypercube").Scenario! with { Simulation = new SimulationSettings(300, 1, SamplingMethod.LatinHypercube) };
        Assert.Equal("latin-hypercube", Simulator.Run(scenario, threads: 1).Run.Sampling);
        Assert.Equal("monte-carlo", Simulator.Run(scenario with { Simulation = scenario.Simulation with { Sampling = SamplingMethod.MonteCarlo } }, threads: 1).Run.Sampling);
    }

    [Fact]
    public void AnUnknownPathGetsADidYouMean()
    {
        var error = SingleError(Read("""[{ "a": "indications[0].testing.uptak", "b": "indications[1].incidence", "rho": 0.5 }]"""));
        Assert.Equal("correlations[0].a", error.Path);
        Assert.Contains("unknown parameter 'indications[0].testing.uptak'; did you mean 'indications[0].testing.uptake'?", error.Message);
    }

    [Theory]
    [InlineData("""[{ "a": "indications[0].testing.uptake", "b": "indications[1].incidence", "rho": 1.5 }]""", "correlations[0].rho", "1.5")]
    [InlineData("""[{ "a": "indications[0].testing.uptake", "b": "indications[0].testing.uptake", "rho": 0.5 }]""", "correlations[0].b", "cannot be correlated with itself")]
    [InlineData("""[{ "a": "indications[0].testing.uptake", "b": "indications[1].incidence" }]""", "correlations[0].rho", "missing required property 'rho'")]
    [InlineData("""[{ "a": "indications[0].testing.uptake", "b": "indications[1].incidence", "rho": 0.5, "tau": 1 }]""", "correlations[0].tau", "unknown property 'tau'")]
    [InlineData("""[{ "a": "indications[0].testing.uptake", "b": "indications[0].annualGrowth", "rho": 0.5 }]""", "correlations[0].b", "is fixed at 0.01")]
    [InlineData("""{ "a": "x" }""", "correlations", "must be an array")]
    public void BadEntriesAreErrorsAtTheirPath(string correlations, string path, string message)
    {
        var error = SingleError(Read(correlations));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void APairGivenTwiceIsAnError()
    {
        var error = SingleError(Read(Entries((Uptake0, Uptake1, "0.5"), (Uptake1, Uptake0, "0.2"))));
        Assert.Equal("correlations[1]", error.Path);
        Assert.Contains("already correlated at correlations[0]", error.Message);
    }

    [Fact]
    public void CorrelationsThatCannotHoldTogetherAreRefused()
    {
        const string prevalence = "indications[0].prevalence";
        var error = SingleError(Read(Entries((Uptake0, Uptake1, "0.9"), (Uptake1, prevalence, "0.9"), (Uptake0, prevalence, "-0.9"))));
        Assert.Equal("correlations", error.Path);
        Assert.Contains("not positive semi-definite", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void APerfectCorrelationIsAllowed()
    {
        var result = Read(Entries((Uptake0, Uptake1, "1")));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void AnUnknownSamplingMethodGetsADidYouMean()
    {
        var error = SingleError(Read("[]", "latin-hypercub"));
        Assert.Equal("simulation.sampling", error.Path);
        Assert.Contains("did you mean 'latin-hypercube'?", error.Message);
    }
}
