using System.Globalization;
using FunnelSim.Results;

namespace FunnelSim.Cli;

/// <summary>One line on how a <c>--precision</c> run ended, for standard error.</summary>
internal static class PrecisionReport
{
    public static string Describe(RunInfo run)
    {
        if (run.Convergence is not { } c) return "";
        var invariant = CultureInfo.InvariantCulture;
        string worst = c.WorstCell is { } cell ? string.Format(invariant, "{0:0.###%} ({1})", c.Achieved, cell) : "0 (every mean is 0)";
        return c.StopReason == ConvergenceInfo.PrecisionReached
            ? string.Format(invariant,
                "precision reached after {0:N0} iterations in {1} chunks: MCSE of {2} ≤ {3:0.###%} of the mean in every indication × year; worst {4}",
                run.Iterations, c.Chunks, c.Metric, c.Precision, worst)
            : string.Format(invariant,
                "stopped at --max-iterations {0:N0} before the precision target: worst MCSE of {1} is {2} of the mean, above {3:0.###%}",
                run.Iterations, c.Metric, worst, c.Precision);
    }
}
