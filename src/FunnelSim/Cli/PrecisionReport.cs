using System.Globalization;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>
/// One line on how a <c>--precision</c> run ended, for standard error: the cells skipped (0 in every iteration and in
/// expectation) and those not reached (0 in every iteration though their expectation is not) are named.
/// </summary>
internal static class PrecisionReport
{
    public static string Describe(RunInfo run)
    {
        if (run.Convergence is not { } c) return "";
        var invariant = CultureInfo.InvariantCulture;
        string worst = c.WorstCell is { } cell ? string.Format(invariant, "{0:0.###%} ({1})", c.Achieved, cell) : "0 (every mean is 0)";
        string where = c.SkippedCells is { Count: > 0 } skipped
            ? $"in every indication × year but {string.Join(", ", skipped)} (0 in every iteration and in expectation: skipped)"
            : "in every indication × year";
        string line = c.StopReason == ConvergenceInfo.PrecisionReached
            ? string.Format(invariant,
                "precision reached after {0:N0} iterations in {1} chunks: MCSE of {2} ≤ {3:0.###%} of the mean {4}; worst {5}",
                run.Iterations, c.Chunks, c.Metric, c.Precision, where, worst)
            : string.Format(invariant,
                "stopped at --max-iterations {0:N0} before the precision target: worst MCSE of {1} is {2} of the mean, above {3:0.###%}",
                run.Iterations, c.Metric, worst, c.Precision);
        if (c.StopReason != ConvergenceInfo.PrecisionReached && c.SkippedCells is { Count: > 0 } left)
            line += $"; skipped {string.Join(", ", left)} (0 in every iteration and in expectation)";
        if (c.NotReachedCells is { Count: > 0 } rare)
            line += "; not reached: " + string.Join(", ", rare.Select(r =>
                $"{r.Cell} (0 in every iteration, though {Formatting.HumanNumber.Count(r.Expected)} expected per iteration)"));
        return line;
    }
}
