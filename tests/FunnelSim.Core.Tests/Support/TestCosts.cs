using FunnelSim.Model;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Support;

/// <summary>Costs built in code, every number known, for scenarios from <see cref="TestScenarios"/>.</summary>
internal static class TestCosts
{
    /// <summary>A duration fixed at <paramref name="months"/> (a log-normal with a negligible spread).</summary>
    public static DurationModel FixedMonths(double months) => new LogNormalDuration(Fixed(months), Fixed(1e-12));

    public static Costs Costs(
        double drug = 1000, double administration = 100, double visit = 50, double everyMonths = 2, bool atStart = true,
        double adverseProbability = 0.5, double adverseCost = 400, double test = 300,
        double comparatorDrug = 2000, double comparatorAdministration = 100, DurationModel? comparatorDuration = null,
        double comparatorAdverse = 500, double priceChange = 0, double discount = 0, double? threshold = null,
        string[]? modalities = null, string[]? indications = null) =>
        new("USD", 2025, Fixed(drug), Fixed(administration),
            new MonitoringCosts(Fixed(visit), everyMonths, atStart),
            new AdverseEventCosts(Fixed(adverseProbability), Fixed(adverseCost)),
            [.. (modalities ?? ["dna", "rna"]).Select(m => new ModalityCost(m, Fixed(test)))],
            [.. (indications ?? ["test"]).Select(i => new ComparatorCosts(i, null, Fixed(comparatorDrug), Fixed(comparatorAdministration),
                comparatorDuration ?? FixedMonths(2), new AdverseEventCosts(Fixed(1), Fixed(comparatorAdverse))))],
            Fixed(priceChange), discount)
        { BudgetThreshold = threshold };
}
