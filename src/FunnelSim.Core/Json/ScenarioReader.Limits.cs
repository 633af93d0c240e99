using System.Globalization;
using FunnelSim.Model;

namespace FunnelSim.Json;

// Sizes the engine can simulate: a scenario whose numbers are each legal can still ask for more patients than exist
// (issue 12, item 2). Checked on the whole scenario, after every field has been read.
public static partial class ScenarioReader
{
    /// <summary>
    /// Most incident cases per indication and year a scenario may plausibly reach (its parameters at their
    /// <see cref="PlausibleQuantile"/>): a thousand times the world's yearly lung cancer cases.
    /// </summary>
    public const double MaxIncidentPerYear = 1e9;

    /// <summary>Cumulative probability at which uncertain parameters are taken for the size check.</summary>
    public const double PlausibleQuantile = 1 - 1e-6;

    private static void CheckSizes(ReadContext c, Scenario scenario)
    {
        for (int i = 0; i < scenario.Indications.Length; i++)
        {
            var indication = scenario.Indications[i];
            double incidence = High(indication.Incidence);
            double scale = IndicationScale(scenario.Population, indication.Id);
            double growth = Math.Max(High(indication.AnnualGrowth), 0);
            // The largest yearly mean: growth compounds up to the last year; a decline peaks in the first.
            double growthFactor = Math.Pow(1 + growth, scenario.Years - 1);
            double peak = incidence * scale * growthFactor;
            if (peak <= MaxIncidentPerYear) continue;

            string path = $"indications[{i}]." + (growthFactor > 10 ? "annualGrowth" : "incidence");
            string growthPart = growthFactor > 1
                ? $" × (1 + annualGrowth {InvariantFormat.Rounded(growth)})^{scenario.Years - 1} years"
                : "";
            string scalePart = scale != 1 ? $" × population scale {InvariantFormat.Rounded(scale)}" : "";
            c.Error(path,
                $"incident cases of '{indication.Id}' could reach {InvariantFormat.Rounded(peak)} a year (incidence " +
                $"{InvariantFormat.Rounded(incidence)}{growthPart}{scalePart}, uncertain values at their 99.9999th percentile); " +
                $"the engine simulates at most {MaxIncidentPerYear.ToString("N0", CultureInfo.InvariantCulture)} per indication and year: " +
                "narrow the growth's range, shorten the horizon or reduce the population");
        }
    }

    private static double High(Parameter parameter)
    {
        double high = parameter.Distribution.InverseCdf(PlausibleQuantile);
        if (parameter.Ramp is { } ramp) high = Math.Max(high, ramp.To.Distribution.InverseCdf(PlausibleQuantile));
        return double.IsFinite(high) ? high : parameter.Distribution.Maximum;
    }

    private static double IndicationScale(Population population, string indicationId)
    {
        if (population is not PlanPopulation { MemberMix.Length: > 0 } plan) return population.Scale;
        double relative = plan.MemberMix.Sum(group => group.Share * High(group.MultiplierFor(indicationId)));
        return plan.Members / plan.ReferencePopulation * relative;
    }
}
