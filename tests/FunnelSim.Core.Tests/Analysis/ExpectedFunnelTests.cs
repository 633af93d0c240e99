using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;
using FunnelSim.Core.Tests.Support;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Analysis;

/// <summary>
/// The exact expectation of every funnel count against long simulations with the same held parameter values: within
/// 4 Monte Carlo standard errors (fixed seeds), for growth, ramps of each shape, plan scaling, three duration families
/// and the total; and against closed forms where they are short enough to write down.
/// </summary>
public class ExpectedFunnelTests
{
    private static Scenario Ramping(DurationModel cca) => Scenario(years: 4, iterations: 40_000, seed: 99,
        population: new PlanPopulation(2_000_000, 1_000_000, 1.5),
        indications: [
            Indication(
                id: "pdac",
                incidence: Uncertain(new LogNormalDistribution(900, 100)),
                growth: Uncertain(new NormalDistribution(0.04, 0.02)),
                prevalence: Uncertain(new BetaDistribution(2, 38)),
                uptake: new Parameter(ParameterForm.Explicit, new UniformDistribution(0.3, 0.5),
                    Ramp: new Ramp(Uncertain(new UniformDistribution(0.7, 0.9)), 3, RampShape.SCurve)),
                postDetection: [
                    Step("prescribed", Ramped(0.3, 0.8, 2, RampShape.Bass)),
                    Step("payer-approved", Uncertain(new BetaDistribution(17, 3))),
                ],
                duration: new WeibullDuration(Uncertain(new LogNormalDistribution(5, 1)), Fixed(1.3))),
            Indication(
                id: "cca",
                incidence: Fixed(700),
                growth: Fixed(-0.05),
                preTest: [Step("advanced", Fixed(0.8)), Step("second-line", Ramped(0.4, 0.6, 2))],
                prevalence: Fixed(0.08),
                uptake: Fixed(0.7),
                duration: cca,
                doseIntervalDays: 21),
        ]);

    public static TheoryData<string> Durations => ["exponential", "lognormal", "weibull"];

    private static DurationModel Duration(string kind) => kind switch
    {
        "exponential" => new ExponentialDuration(Fixed(7)),
        "lognormal" => new LogNormalDuration(Fixed(4), Fixed(0.9)),
        _ => new WeibullDuration(Fixed(3), Fixed(0.8)),
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void EveryCountEqualsTheMeanOfALongSimulationWithTheSameHeldValues(string duration)
    {
        // Given every parameter held: at its mean, but a few at other values (a start, a ramp target, growth)
        var model = ModelCompiler.Compile(Ramping(Duration(duration)));
        var held = ParameterOverrides.AtMeans(model);
        foreach (var (path, rampTarget, value) in new[]
                 {
                     ("indications[0].testing.uptake", false, 0.45),
                     ("indications[0].testing.uptake", true, 0.72),
                     ("indications[0].annualGrowth", false, 0.08),
                     ("indications[0].treatment.durationMonths.median", false, 9.0),
                 })
            held = held.With(model.ParameterList.Single(p => p.Path == path).Index, rampTarget, value);
        var expected = new ExpectedFunnel(model);

        // When
        var simulated = Simulator.Run(model, new RunOptions(40_000, 20_261_124, 2) { Overrides = held });

        // Then: every metric of every indication, year and the total
        int compared = 0;
        var groups = simulated.Indications.Select(i => (i.Id, i.Years)).Append((OutputSelection.Total, simulated.Total.Years));
        foreach (var (id, years) in groups)
        {
            foreach (var year in years)
            {
                foreach (var (metric, summary) in year.Metrics)
                {
                    var output = new OutputSelection(metric, id, year.Year);
                    Assert.True(expected.HasExpectation(output), $"{metric} has an expectation");
                    MonteCarloAssert.MeanIs(expected.Of(output, held), summary, $"{id} {year.Year} {metric}");
                    compared++;
                }
            }
        }
        Assert.Equal(model.CellCount, compared);
    }

    [Fact]
    public void TheFunnelIsTheProductOfItsProbabilitiesToRoundingError()
    {
        // Given fixed inputs: growth 5%/year, uptake ramping linearly 0.6 → 0.9 over 2 years, two modalities
        var model = ModelCompiler.Compile(Scenario(years: 3, indications: Indication(growth: Fixed(0.05), uptake: Ramped(0.6, 0.9, 2))));
        var expected = new ExpectedFunnel(model);
        var held = ParameterOverrides.AtMeans(model);
        double Of(string metric, int t) => expected.Of(new OutputSelection(metric, "test", 2026 + t), held);

        double[] uptake = [0.6, 0.75, 0.9];
        for (int t = 0; t < 3; t++)
        {
            double incident = 1000 * Math.Pow(1.05, t);
            double laterLine = incident * 0.7 * 0.5;
            double fusion = laterLine * 0.1;
            double truePositive = fusion * uptake[t] * (0.3 * 0.5 + 0.7 * 0.9);
            double falsePositive = (laterLine - fusion) * uptake[t] * (0.3 * 0.01 + 0.7 * 0.001);
            AssertClose(incident, Of(MetricNames.Incident, t));
            AssertClose(incident * 0.7, Of("advanced", t));
            AssertClose(laterLine, Of(MetricNames.LaterLine, t));
            AssertClose(laterLine * uptake[t], Of(MetricNames.Tested, t));
            AssertClose(truePositive, Of(MetricNames.TruePositive, t));
            AssertClose(falsePositive, Of(MetricNames.FalsePositive, t));
            AssertClose(fusion * uptake[t] - truePositive, Of(MetricNames.FalseNegative, t));
            AssertClose(fusion * (1 - uptake[t]), Of(MetricNames.UntestedFusionPositive, t));
            AssertClose((truePositive + falsePositive) * 0.8, Of("prescribed", t));
            AssertClose(truePositive * 0.72, Of(MetricNames.TreatedNewTruePositive, t));
            AssertClose((truePositive + falsePositive) * 0.72, Of(MetricNames.TreatedNew, t));
        }
    }

    [Fact]
    public void AFixedDurationCarriesTheDosesOfTheLastWeeksIntoTheNextYear()
    {
        // Given a 3-month duration (sdLog 0): ceil(91.3125 / 14) = 7 doses at start + 0, 14, …, 84 days
        var model = ModelCompiler.Compile(Scenario(years: 2,
            indications: Indication(duration: new LogNormalDuration(Fixed(3), Fixed(0)))));
        var expected = new ExpectedFunnel(model);
        var held = ParameterOverrides.AtMeans(model);
        double Of(string metric, int year) => expected.Of(new OutputSelection(metric, "test", year), held);

        // Then dose j is in the next year when U ≥ 1 − 14j/365.25: E = Σ_j 14j/365.25 carried; on treatment 84/365.25
        double carried = Enumerable.Range(0, 7).Sum(j => 14.0 * j / 365.25);
        double treated0 = Of(MetricNames.TreatedNew, 2026), treated1 = Of(MetricNames.TreatedNew, 2027);
        AssertClose(treated0 * (7 - carried), Of(MetricNames.Doses, 2026));
        AssertClose(treated1 * (7 - carried) + treated0 * carried, Of(MetricNames.Doses, 2027));
        AssertClose(treated0, Of(MetricNames.OnTreatment, 2026));
        AssertClose(treated1 + treated0 * 84 / 365.25, Of(MetricNames.OnTreatment, 2027));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void PerPatientDosesMatchNumericalIntegrationOverTheStartTime(double shape)
    {
        // E[doses in year k after the start year] = ∫₀¹ Σ_j S(14j)·1[(u + 14j/365.25) ∈ [k, k + 1)] du, by the midpoint
        // rule; P(on treatment) likewise with the indicator of any dose in that year.
        const double median = 4 * 365.25 / 12;
        double Survival(double days) => Math.Exp(-Math.Log(2) * Math.Pow(days / median, shape));
        var doses = new double[3];
        var onTreatment = new double[3];
        ExpectedTreatment.PerPatient(DurationKind.Weibull, 4, shape, 14, doses, onTreatment);

        const int steps = 200_000;
        var numericDoses = new double[3];
        var numericOn = new double[3];
        for (int i = 0; i < steps; i++)
        {
            double u = (i + 0.5) / steps;
            var any = new bool[3];
            for (int j = 0; u + 14.0 * j / 365.25 < 3; j++)
            {
                int k = (int)Math.Floor(u + 14.0 * j / 365.25);
                double s = Survival(14.0 * j);
                numericDoses[k] += s / steps;
                if (!any[k])
                {
                    // The first dose in year k is given with probability S(14j).
                    numericOn[k] += s / steps;
                    any[k] = true;
                }
            }
        }
        for (int k = 0; k < 3; k++)
        {
            // The midpoint rule on a step function errs by at most one step per discontinuity (~26 per year).
            Assert.Equal(numericDoses[k], doses[k], 60.0 / steps);
            Assert.Equal(numericOn[k], onTreatment[k], 60.0 / steps);
        }
        Assert.Equal(1, onTreatment[0]);
    }

    [Fact]
    public void EveryFunnelMetricAndTotalHasAnExpectationAndDrawnParametersAreRefused()
    {
        var model = ModelCompiler.Compile(BuiltInScenarios.LoadUsNationalBase().Scenario!);
        var expected = new ExpectedFunnel(model);
        Assert.All(model.MetricsOf(0), m => Assert.True(expected.HasExpectation(new OutputSelection(m, "nsclc"))));
        Assert.All(model.MetricsOf(model.Indications.Length), m => Assert.True(expected.HasExpectation(new OutputSelection(m))));
        Assert.Throws<ArgumentException>(() => expected.Of(new OutputSelection(MetricNames.TreatedNew), ParameterOverrides.None(model)));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{actual} vs {expected}");
}
