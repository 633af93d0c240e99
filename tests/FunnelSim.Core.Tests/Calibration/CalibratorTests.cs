using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Sampling;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Calibration;

public sealed class CalibratorTests
{
    // Two uncertain inputs the counts inform (incidence, prevalence), one they inform only through their product with
    // others (uptake), and one they cannot inform (treatment duration).
    private static Scenario Prior(int years = 2) => Scenario(years: years, iterations: 1000, seed: 11, indications:
    [
        Indication("a",
            incidence: Uncertain(new LogNormalDistribution(400, 100)),
            preTest: [Step("advanced", Fixed(0.5))],
            prevalence: Uncertain(new BetaDistribution(6, 54)),
            uptake: Uncertain(new BetaDistribution(12, 8)),
            modalities: [new Modality("rna", null, null, 1, Fixed(0.9), Fixed(0.999))],
            postDetection: [Step("prescribed", Fixed(0.5))],
            duration: new WeibullDuration(Uncertain(new LogNormalDistribution(6, 1.5)), Fixed(1.2))),
    ]);

    private static readonly (string Metric, int Year)[] Observed =
        [(MetricNames.Incident, 2026), (MetricNames.Tested, 2026), (MetricNames.Identified, 2026), (MetricNames.TreatedNew, 2027)];

    [Fact]
    public void PosteriorIntervalsCoverTheTruthAtTheirNominalRate()
    {
        // Synthetic truth: inputs drawn from the prior, counts simulated by the engine with those inputs, then calibrated.
        // A calibrated 90% interval holds the truth in 90% of repetitions; with 200 the count's sd is 2.1 points.
        const int repetitions = 200;
        var model = ModelCompiler.Compile(Prior());
        var prior = new PriorSpace(model);
        var informed = new[] { "indications[0].incidence", "indications[0].prevalence" };
        var covered = informed.ToDictionary(p => p, _ => 0);
        var narrower = informed.ToDictionary(p => p, _ => 0);
        for (int r = 0; r < repetitions; r++)
        {
            var rng = Rng.ForStream(2026, r, 1);
            var z = Enumerable.Range(0, prior.Dimensions).Select(_ => rng.NextStandardNormal()).ToArray();
            var truth = new double[prior.Dimensions];
            prior.Values(z, truth);
            var observations = Simulate(model, prior, truth, seed: (ulong)r);
            var result = Calibrator.Run(model, observations, new CalibrationOptions(400, (ulong)(1000 + r), 2));
            for (int j = 0; j < prior.Dimensions; j++)
            {
                string path = prior.Slots[j].Path;
                if (!covered.ContainsKey(path)) continue;
                var p = result.Parameters.Single(x => x.Path == path);
                if (truth[j] >= p.Posterior.P5 && truth[j] <= p.Posterior.P95) covered[path]++;
                if (p.Posterior.P95 - p.Posterior.P5 < p.Prior.P95 - p.Prior.P5) narrower[path]++;
            }
        }
        foreach (string path in informed)
        {
            double coverage = covered[path] / (double)repetitions;
            Assert.True(coverage is >= 0.85 and <= 0.95, $"{path}: the 90% interval covered the truth in {coverage:P1} of repetitions");
            Assert.True(narrower[path] > 0.9 * repetitions, $"{path}: the posterior was narrower than the prior in only {narrower[path]} of {repetitions}");
        }
    }

    [Fact]
    public void AnInputTheCountsDoNotDependOnKeepsItsPrior()
    {
        var model = ModelCompiler.Compile(Prior());
        var observations = Observations((MetricNames.Incident, 2026, 420), (MetricNames.TreatedNew, 2027, 9));
        var result = Calibrator.Run(model, observations, new CalibrationOptions(300, 5, 2));

        var duration = result.Parameters.Single(p => p.Path.Contains("durationMonths", StringComparison.Ordinal));
        Assert.False(duration.Informed);
        Assert.False(duration.Updated);
        Assert.Equal(duration.Prior, duration.Posterior);
        Assert.True(result.Parameters.Single(p => p.Path == "indications[0].incidence").Informed);
    }

    [Fact]
    public void TheResultIsTheSameOnAnyThreadCount()
    {
        var model = ModelCompiler.Compile(Prior());
        var observations = Observations((MetricNames.Tested, 2026, 70), (MetricNames.Identified, 2026, 6));
        var one = Calibrator.Run(model, observations, new CalibrationOptions(300, 9, 1));
        var three = Calibrator.Run(model, observations, new CalibrationOptions(300, 9, 3));

        Assert.Equal(one.PosteriorValues, three.PosteriorValues);
        var date = new DateOnly(2026, 12, 5);
        Assert.Equal(PosteriorScenario.Write(one, "observed.json", date), PosteriorScenario.Write(three, "observed.json", date));
    }

    [Fact]
    public void ThePosteriorIsAScenarioThatValidatesAndRuns()
    {
        var model = ModelCompiler.Compile(Prior());
        var observations = Observations((MetricNames.Tested, 2026, 140), (MetricNames.Identified, 2026, 14), (MetricNames.TreatedNew, 2027, 9));
        var result = Calibrator.Run(model, observations, new CalibrationOptions(400, 3, 2));

        string json = PosteriorScenario.Write(result, "observed.json", new DateOnly(2026, 12, 5));
        var loaded = ScenarioLoader.Read(json);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        Assert.Contains("calibrated to observed.json (2026-12-05)", json);
        var updated = result.Parameters.Where(p => p.Updated).ToList();
        Assert.NotEmpty(updated);
        var posterior = ModelCompiler.Compile(loaded.Scenario!);
        foreach (var p in updated)
        {
            // The written distribution has the posterior draws' mean.
            var written = posterior.ParameterList.Single(x => x.Path == p.Path).Start;
            Assert.Equal(p.Posterior.Mean, written.Mean, 1e-4 * Math.Abs(p.Posterior.Mean));
        }
        var run = Simulator.Run(posterior, new RunOptions(2000, 1, 1));
        Assert.True(run.Indications[0].Years[0].Metrics[MetricNames.Tested].Mean > 0);
    }

    [Fact]
    public void ObservationsNoPriorDrawCanGiveAreAClearError()
    {
        // No fusion-negative patient is ever a false positive at specificity 1, and nobody is tested at uptake 0.
        var model = ModelCompiler.Compile(Scenario(years: 1, indications: [Indication("a", uptake: Fixed(0))]));
        var observations = Observations((MetricNames.Tested, 2026, 5));
        var e = Assert.Throws<CalibrationException>(() => Calibrator.Run(model, observations, new CalibrationOptions(100, 1, 1)));
        Assert.Contains("probability 0", e.Message);
    }

    private static Observation[] Observations(params (string Metric, int Year, long Value)[] counts) =>
        [.. counts.Select((c, i) => new Observation("a", c.Year, c.Metric, c.Value, 1, $"observations[{i}]"))];

    private static Observation[] Simulate(CompiledModel model, PriorSpace prior, double[] truth, ulong seed)
    {
        var start = new double[prior.ParameterCount];
        var target = new double[prior.ParameterCount];
        prior.Parameters(truth, start, target);
        var held = ParameterOverrides.None(model);
        for (int p = 0; p < start.Length; p++) held = held.With(p, false, start[p]).With(p, true, target[p]);
        var runner = new IterationRunner(model, seed, held);
        runner.Simulate(0);
        var values = runner.CellValues.ToArray();
        int metrics = model.MetricCount(0);
        return [.. Observed.Select((o, i) => new Observation("a", o.Year, o.Metric,
            values[(o.Year - 2026) * metrics + Array.IndexOf(model.MetricsOf(0), o.Metric)], 1, $"observations[{i}]"))];
    }
}
