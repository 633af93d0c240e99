using System.Runtime.CompilerServices;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// Where one output's value lives in an iteration and how it turns into the unit the results report: a count as is,
/// money from whole cents (divisor 100), PMPM from the budget impact's cents (divisor 100 × members × 12, exactly as
/// the results derive it), the threshold indicator (1 when the budget impact's cents exceed <see cref="Limit"/>) as is.
/// </summary>
/// <param name="Source">The buffer.</param>
/// <param name="Index">The index in that buffer (for the threshold indicator, the budget impact's money cell).</param>
/// <param name="Group">Indication index, or the indication count for the total.</param>
/// <param name="Divisor">Reported value = raw value / divisor.</param>
/// <param name="Limit">For the threshold indicator, the threshold in cents (see <see cref="LimitOf"/>).</param>
internal readonly record struct OutputCell(OutputSource Source, int Index, int Group, double Divisor, long Limit = 0)
{
    /// <summary>
    /// The threshold in whole cents, as the engine compares it: impact &gt; threshold ⇔ cents &gt; 100·threshold ⇔
    /// cents &gt; ⌊100·threshold⌋ for whole cents.
    /// </summary>
    public static long LimitOf(double threshold) => (long)Math.Floor(threshold * 100);

    /// <summary>True for money (its raw value is cents and may be <see cref="MoneyAccumulators.Undefined"/>).</summary>
    public bool IsMoney => Source == OutputSource.Money;

    /// <summary>The raw value of the iteration <paramref name="runner"/> simulated last (cents for money; may be
    /// <see cref="MoneyAccumulators.Undefined"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Read(IterationRunner runner) => Source switch
    {
        OutputSource.Count => runner.CellValues[Index],
        OutputSource.Money => runner.Costs!.Values[Index],
        _ => runner.Costs!.Values[Index] > Limit ? 1 : 0,
    };
}
