using FunnelSim.Core.Tests.Support;
using FunnelSim.Model;
using FunnelSim.Summaries;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>Doses and patients on treatment carried across calendar years, against exact expectations.</summary>
public class TreatmentTests
{
    private const double Year = 365.25;

    [Fact]
    public void AFixedDurationSplitsDosesAcrossTheYearBoundary()
    {
        // Given a (practically) fixed 3-month duration: ceil(91.3125 / 14) = 7 doses, at start + 0, 14, …, 84 days.
        var scenario = Scenario(years: 3, iterations: 20_000,
            indications: Indication(duration: new LogNormalDuration(Fixed(3), Fixed(1e-12))));

        // When
        var result = Simulator.Run(scenario, threads: 2);

        // Then a patient starting at U·365.25 has dose j in the next year when U ≥ (365.25 − 14j)/365.25,
        // so E[doses carried over] = Σ_j 14j/365.25, and E[on treatment next year] = 84/365.25.
        double carried = Enumerable.Range(0, 7).Sum(j => 14.0 * j / Year);
        double carriedPatient = 84 / Year;
        var years = result.Indications[0].Years;
        for (int t = 0; t < 3; t++)
        {
            double treated = years[t].Metrics["treatedNew"].Mean;
            double previous = t > 0 ? years[t - 1].Metrics["treatedNew"].Mean : 0;
            // Compare against the realised treated counts: tolerance from the dose metric's own MCSE.
            MonteCarloAssert.MeanIs(treated * (7 - carried) + previous * carried, years[t].Metrics["doses"], $"doses {t}");
            MonteCarloAssert.MeanIs(treated + previous * carriedPatient, years[t].Metrics["onTreatment"], $"onTreatment {t}");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void WeibullDosesMatchNumericalIntegration(double shape)
    {
        // Given a fixed flow of patients, a Weibull duration with median 4 months
        const double median = 4;
        var scenario = Scenario(years: 2, iterations: 20_000,
            indications: Indication(duration: new WeibullDuration(Fixed(median), Fixed(shape))));
        var result = Simulator.Run(scenario, threads: 2);

        // Then E[doses in year y | start year t] = ∫₀¹ Σ_j P(D > 14j) · 1[(t+u)·365.25 + 14j in year y] du
        double scale = median * Year / 12 / Math.Pow(Math.Log(2), 1 / shape);
        double Survival(double days) => Math.Exp(-Math.Pow(days / scale, shape));
        double ExpectedDoses(int startYear, int year)
        {
            const int steps = 20_000;
            double sum = 0;
            for (int i = 0; i < steps; i++)
            {
                double start = (startYear + (i + 0.5) / steps) * Year;
                for (int j = 0; start + 14 * j < (year + 1) * Year; j++)
                    if (start + 14 * j >= year * Year) sum += Survival(14 * j);
            }
            return sum / steps;
        }
        var years = result.Indications[0].Years;
        double treated0 = years[0].Metrics["treatedNew"].Mean, treated1 = years[1].Metrics["treatedNew"].Mean;
        MonteCarloAssert.MeanIs(treated0 * ExpectedDoses(0, 0), years[0].Metrics["doses"], "doses 0");
        MonteCarloAssert.MeanIs(treated0 * ExpectedDoses(0, 1) + treated1 * ExpectedDoses(1, 1), years[1].Metrics["doses"], "doses 1");
    }
}
