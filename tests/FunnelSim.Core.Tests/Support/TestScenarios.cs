using System.Collections.Immutable;
using FunnelSim.Distributions;
using FunnelSim.Model;

namespace FunnelSim.Core.Tests.Support;

/// <summary>Small scenarios built in code, with every number known, for exact expectations.</summary>
internal static class TestScenarios
{
    public static Parameter Fixed(double value) => Parameter.Fixed(value);

    public static Parameter Uncertain(Distribution distribution) => new(ParameterForm.Explicit, distribution);

    public static Parameter Ramped(double start, double to, double years, RampShape shape = RampShape.Linear) =>
        new(ParameterForm.Shorthand, new FixedDistribution(start), Ramp: new Ramp(Fixed(to), years, shape));

    public static Step Step(string id, Parameter probability) => new(id, null, null, probability);

    public static Indication Indication(
        string id = "test",
        Parameter? incidence = null,
        Parameter? growth = null,
        Step[]? preTest = null,
        Parameter? prevalence = null,
        Parameter? uptake = null,
        Modality[]? modalities = null,
        Step[]? postDetection = null,
        DurationModel? duration = null,
        double doseIntervalDays = 14) =>
        new(id, null, null,
            incidence ?? Fixed(1000),
            growth ?? Fixed(0),
            [.. preTest ?? [Step("advanced", Fixed(0.7)), Step("second-line", Fixed(0.5))]],
            prevalence ?? Fixed(0.1),
            new Testing(uptake ?? Fixed(0.6), [.. modalities ?? [
                new Modality("dna", null, null, 0.3, Fixed(0.5), Fixed(0.99)),
                new Modality("rna", null, null, 0.7, Fixed(0.9), Fixed(0.999)),
            ]]),
            [.. postDetection ?? [Step("prescribed", Fixed(0.8)), Step("payer-approved", Fixed(0.9))]],
            new Treatment(duration ?? new WeibullDuration(Fixed(6), Fixed(1.2)), doseIntervalDays));

    public static Scenario Scenario(int years = 3, long iterations = 20_000, ulong seed = 42, Population? population = null,
        params Indication[] indications) =>
        new(global::FunnelSim.Model.Scenario.CurrentSchemaVersion, "test", null, 2026, years,
            population ?? new NationalPopulation(),
            new SimulationSettings(iterations, seed, SamplingMethod.MonteCarlo),
            indications.Length == 0 ? [Indication()] : [.. indications]);
}
