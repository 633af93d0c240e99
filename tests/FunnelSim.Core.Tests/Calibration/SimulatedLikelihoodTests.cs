using FunnelSim.Analysis;
using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;
using MathNet.Numerics.Distributions;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Calibration;

/// <summary>
/// Counts without an exact likelihood (patients on treatment, doses) are scored by a Gaussian synthetic likelihood from
/// simulated histories (approximate Bayesian computation, issue 16). Checked against an exact answer: patients on
/// treatment in a year are a Poisson count given the inputs (each year's new patients, thinned by who is still on
/// treatment), so with one uncertain input the exact posterior follows by quadrature.
/// </summary>
public sealed class SimulatedLikelihoodTests
{
    private static readonly LogNormalDistribution Incidence = new(400, 100);

    private static Scenario Prior() => Scenario(years: 2, iterations: 1000, seed: 7, indications:
    [
        Indication("a",
            incidence: Uncertain(Incidence),
            preTest: [Step("advanced", Fixed(0.5))],
            prevalence: Fixed(0.1),
            uptake: Fixed(0.7),
            modalities: [new Modality("rna", null, null, 1, Fixed(0.9), Fixed(1))],
            postDetection: [Step("prescribed", Fixed(0.8))],
            duration: new WeibullDuration(Fixed(9), Fixed(1.2))),
    ]);

    [Fact]
    public void APosteriorFromOnTreatmentCountsMatchesTheExactOne()
    {
        var model = ModelCompiler.Compile(Prior());
        var expected = new ExpectedFunnel(model);
        int cell = model.Layout.Cell(0, 1, Array.IndexOf(model.MetricsOf(0), MetricNames.OnTreatment));
        double OnTreatment(double incidence)
        {
            var start = model.ParameterList.Select(p => p.Start.Mean).ToArray();
            start[0] = incidence;
            var cells = new double[model.CellCount];
            expected.Compute(start, start, cells);
            return cells[cell];
        }
        Assert.Equal(0, model.ParameterList.Select((p, i) => (p, i)).Single(x => !x.p.IsFixed).i);
        long observed = (long)Math.Round(1.3 * OnTreatment(Incidence.Mean));
        Assert.True(observed > 20, $"{observed} patients on treatment: too few for a Gaussian likelihood");

        // The exact posterior of incidence by quadrature over its prior quantiles: prior × Poisson(observed; λ(incidence)).
        const int points = 4000;
        double weightSum = 0, mean = 0, square = 0;
        for (int k = 0; k < points; k++)
        {
            double x = Incidence.InverseCdf((k + 0.5) / points);
            double weight = Math.Exp(Poisson.PMFLn(OnTreatment(x), (int)observed));
            weightSum += weight;
            mean += weight * x;
            square += weight * x * x;
        }
        mean /= weightSum;
        double sd = Math.Sqrt(square / weightSum - mean * mean);

        var observations = new[] { new Observation("a", 2027, MetricNames.OnTreatment, observed, 1, "observations[0]") };
        var result = Calibrator.Run(model, observations, new CalibrationOptions(1000, 3, 2));
        var incidence = result.Parameters.Single(p => p.Path == "indications[0].incidence");

        Assert.True(incidence.Informed);
        Assert.Contains("approximate Bayesian computation", result.Likelihood, StringComparison.Ordinal);
        // The synthetic likelihood is a Gaussian with a simulated mean and variance: close to, not equal to, the Poisson.
        Assert.True(Math.Abs(incidence.Posterior.Mean - mean) < 0.25 * sd,
            $"posterior mean {incidence.Posterior.Mean:F1}, exact {mean:F1} (sd {sd:F1})");
        double width = incidence.Posterior.P95 - incidence.Posterior.P5;
        Assert.InRange(width / (2 * 1.645 * sd), 0.75, 1.3);
    }

    [Fact]
    public void MixedObservationsGiveTheSameResultOnAnyThreadCount()
    {
        var model = ModelCompiler.Compile(Prior());
        Observation[] observations =
        [
            new("a", 2026, MetricNames.TreatedNew, 9, 1, "observations[0]"),
            new("a", 2027, MetricNames.OnTreatment, 17, 1, "observations[1]"),
            new("a", 2027, MetricNames.Doses, 160, 1, "observations[2]"),
        ];

        var one = Calibrator.Run(model, observations, new CalibrationOptions(200, 5, 1));
        var two = Calibrator.Run(model, observations, new CalibrationOptions(200, 5, 2));

        Assert.Equal(one.PosteriorValues, two.PosteriorValues);
        Assert.Equal(one.Checks.Select(c => c.Posterior), two.Checks.Select(c => c.Posterior));
        Assert.Contains("for 1 count", one.Likelihood, StringComparison.Ordinal);
        Assert.Contains("approximate for onTreatment, doses (2 counts)", one.Likelihood, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservedCountsAcceptOnTreatmentAndDosesButNotMoney()
    {
        var model = ModelCompiler.Compile(Prior());
        string json = """{ "observations": [ { "indication": "a", "year": 2027, "metric": "onTreatment", "value": 20 } ] }""";
        var read = ObservedCounts.Read(json, model);
        Assert.True(read.IsValid, string.Join("\n", read.Diagnostics));

        var money = ObservedCounts.Read("""{ "observations": [ { "indication": "a", "year": 2027, "metric": "costDrug", "value": 20 } ] }""", model);
        Assert.False(money.IsValid);
        Assert.Contains(money.Diagnostics, d => d.Message.Contains("'costDrug' is money, not a count", StringComparison.Ordinal));
    }
}
