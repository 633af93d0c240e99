using System.Globalization;

namespace FunnelSim.Model;

/// <summary>
/// What a result's money amounts are: unit costs are in <see cref="CostYear"/> prices; with a price change they grow
/// from <see cref="CostYear"/> on (nominal amounts of each year), and with a discount rate each year is discounted to
/// the start year. Year index t (0 = start year) is weighted
/// <c>(1 + annualPriceChange)^(startYear − costYear + t) / (1 + discountRate)^t</c>.
/// </summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CostYear">The year whose prices the written amounts are in.</param>
/// <param name="Nominal">True when a price change applies (amounts are each year's nominal prices); false for
/// constant <see cref="CostYear"/> prices.</param>
/// <param name="DiscountRate">Annual discount rate; 0 for undiscounted amounts.</param>
/// <param name="StartYear">The year amounts are discounted to (year index 0).</param>
public sealed record PriceBasis(string Currency, int CostYear, bool Nominal, double DiscountRate, int StartYear)
{
    /// <summary>The basis of <paramref name="scenario"/>'s costs, or null without costs.</summary>
    public static PriceBasis? Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Costs is not { } costs) return null;
        bool constant = costs.AnnualPriceChange is { Distribution: Distributions.FixedDistribution { Value: 0 }, Ramp: null };
        return new PriceBasis(costs.Currency, costs.CostYear, !constant, costs.DiscountRate, scenario.StartYear);
    }

    /// <summary>True when later years are discounted to <see cref="StartYear"/>.</summary>
    public bool Discounted => DiscountRate > 0;

    /// <summary>One line for tables and reports, e.g. <c>USD, 2025 prices, undiscounted</c> or
    /// <c>USD, nominal (2025 prices with the annual price change from 2025), discounted at 3.0% a year to 2026</c>.</summary>
    public string Describe()
    {
        string prices = Nominal
            ? $"nominal ({CostYear} prices with the annual price change from {CostYear})"
            : $"{CostYear} prices";
        // Invariant and self-contained: Model uses nothing above Distributions (docs/architecture.md).
        string discount = Discounted
            ? string.Create(CultureInfo.InvariantCulture, $"discounted at {DiscountRate * 100:0.0##}% a year to {StartYear}")
            : "undiscounted";
        return $"{Currency}, {prices}, {discount}";
    }
}
