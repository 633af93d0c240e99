using FunnelSim.Formatting;
using FunnelSim.Results;

namespace FunnelSim.Core.Tests.Formatting;

public class HumanNumberTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.03912, "0.0391")]
    [InlineData(0.016, "0.016")]
    [InlineData(7.25, "7.25")]
    [InlineData(7.2, "7.2")]
    [InlineData(7.250001, "7.25")]
    [InlineData(12.345, "12.3")]
    [InlineData(99.94, "99.9")]
    [InlineData(99.96, "100")]
    [InlineData(1234.4, "1,234")]
    [InlineData(1_234_567.8, "1,234,568")]
    [InlineData(5, "5")]
    [InlineData(-0.5, "−0.5")]
    [InlineData(double.NaN, "–")]
    public void CountsKeepThreeSignificantFiguresAndAreWholeFromOneHundred(double value, string expected) =>
        Assert.Equal(expected, HumanNumber.Count(value));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.00049, "+0.00049")]
    [InlineData(-0.04, "−0.04")]
    [InlineData(1234.0, "+1,234")]
    public void DifferencesAreSignedAndZeroOnlyWhenExactlyZero(double value, string expected) =>
        Assert.Equal(expected, HumanNumber.Signed(value));

    [Theory]
    [InlineData(0.45, "45%")]
    [InlineData(0.0025, "0.25%")]
    [InlineData(0.9123, "91.2%")]
    [InlineData(1.0, "100%")]
    public void SharesArePercentagesWithThreeSignificantFigures(double share, string expected) =>
        Assert.Equal(expected, HumanNumber.Percent(share));

    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.0004, "< 0.1%")]
    [InlineData(0.912, "91.2%")]
    [InlineData(0.9996, "> 99.9%")]
    [InlineData(1.0, "100%")]
    public void ProbabilitiesAreZeroOrOneOnlyWhenEveryIterationAgrees(double p, string expected) =>
        Assert.Equal(expected, HumanNumber.Probability(p));

    [Theory]
    [InlineData(0.0, "USD", "$0")]
    [InlineData(1234.567, "USD", "$1,235")]
    [InlineData(12.5, "", "$12.50")]
    [InlineData(0.0131, "USD", "$0.013")]
    [InlineData(-2500.0, "EUR", "−2,500 EUR")]
    public void MoneyIsWholeFromOneHundredCentsBelow(double value, string currency, string expected) =>
        Assert.Equal(expected, HumanNumber.Money(value, currency));

    [Theory]
    [InlineData(7_061_234.0, "$7.06M")]
    [InlineData(41_234.0, "$41,234")]
    [InlineData(2_500_000_000.0, "$2.50B")]
    [InlineData(999_600.0, "$999,600")]
    public void ShortMoneyUsesKMAndBFromTheThreshold(double value, string expected) =>
        Assert.Equal(expected, HumanNumber.ShortMoney(value));

    [Theory]
    [InlineData(9_999.0, "9,999")]
    [InlineData(12_345.0, "12.3k")]
    [InlineData(999_700.0, "1.00M")]
    [InlineData(-1_050_000.0, "−1.05M")]
    public void CompactCountsForCharts(double value, string expected) => Assert.Equal(expected, HumanNumber.Compact(value));

    [Fact]
    public void OneValueReadsTheSameInEveryBudgetRowKind()
    {
        Assert.Equal("7.25", HumanNumber.Budget(7.25, BudgetValueKind.Count));
        Assert.Equal("—", HumanNumber.Budget(7.25, BudgetValueKind.Money, iterations: 0));
        Assert.Equal("$0.0031", HumanNumber.Budget(0.00312, BudgetValueKind.Pmpm));
        Assert.Equal("91.2%", HumanNumber.Budget(0.912, BudgetValueKind.Probability));
    }

    [Theory]
    [InlineData(0.3414, 3, true, "+0.341")]
    [InlineData(-0.0001, 3, true, " 0.000")]
    [InlineData(-0.25, 2, true, "−0.25")]
    [InlineData(0.9123, 3, false, "0.912")]
    public void StatisticsKeepFixedDecimalsSoColumnsLineUp(double value, int decimals, bool signed, string expected) =>
        Assert.Equal(expected, HumanNumber.Fixed(value, decimals, signed));
}
