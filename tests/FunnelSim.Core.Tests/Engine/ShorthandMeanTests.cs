using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// For the shorthand <c>{ value, low, high }</c>, <c>value</c> is the mean of the distribution of every kind:
/// draws average to it within 4 Monte Carlo standard errors, and their sd is (high − low)/3.92.
/// </summary>
public class ShorthandMeanTests
{
    private static string ScenarioWith(string incidence, string growth, string prevalence, string median) => $$"""
        {
          "schemaVersion": 1, "startYear": 2026, "years": 1,
          "indications": [{
            "id": "x", "incidence": {{incidence}}, "annualGrowth": {{growth}}, "prevalence": {{prevalence}},
            "testing": { "uptake": 0.5, "modalities": [{ "id": "rna", "share": 1, "sensitivity": 0.9, "specificity": 0.999 }] },
            "treatment": { "durationMonths": { "distribution": "weibull", "median": {{median}}, "shape": 1.2 } }
          }]
        }
        """;

    [Theory]
    [InlineData("{ \"value\": 60800, \"low\": 57400, \"high\": 62800 }", 60800, 1377.55)]   // log-normal (amount)
    [InlineData("{ \"value\": 0.0025, \"low\": 0.0015, \"high\": 0.004 }", 0.0025, 0.000637755)] // Beta (probability)
    [InlineData("{ \"value\": 0.01, \"low\": 0, \"high\": 0.02 }", 0.01, 0.00510204)]      // normal (rate)
    [InlineData("{ \"value\": 6.8, \"low\": 4.5, \"high\": 9.5 }", 6.8, 1.27551)]           // log-normal (positive)
    public void ValueIsTheMeanAndTheRangeGivesTheSd(string parameter, double mean, double sd)
    {
        // Put the parameter in the one slot of its kind; the others stay fixed.
        string json = mean switch
        {
            60800 => ScenarioWith(parameter, "0", "0.01", "6"),
            0.0025 => ScenarioWith("1000", "0", parameter, "6"),
            0.01 => ScenarioWith("1000", parameter, "0.01", "6"),
            _ => ScenarioWith("1000", "0", "0.01", parameter),
        };
        var loaded = ScenarioLoader.Read(json);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var indication = loaded.Scenario!.Indications[0];
        var distribution = mean switch
        {
            60800 => indication.Incidence.Distribution,
            0.0025 => indication.Prevalence.Distribution,
            0.01 => indication.AnnualGrowth.Distribution,
            _ => indication.Treatment.DurationMonths.Median.Distribution,
        };

        Assert.Equal(mean, distribution.Mean, mean * 1e-9);
        Assert.Equal(sd, distribution.StandardDeviation, sd * 1e-4);

        const int draws = 200_000;
        var rng = Rng.FromSeed(17);
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            double x = distribution.Sample(ref rng);
            sum += x;
            sumOfSquares += x * x;
        }
        double sampleMean = sum / draws;
        double sampleSd = Math.Sqrt((sumOfSquares - draws * sampleMean * sampleMean) / (draws - 1));
        Assert.InRange(sampleMean, mean - 4 * sd / Math.Sqrt(draws), mean + 4 * sd / Math.Sqrt(draws));
        Assert.InRange(sampleSd, sd * 0.98, sd * 1.02);
    }
}
