using FunnelSim.Compilation;
using MathNet.Numerics;

namespace FunnelSim.Analysis;

/// <summary>
/// The exact expected doses and time on treatment of one new patient, by years since the year they started, under the
/// engine's rule (see <c>IterationRunner.Treat</c>): a patient new in year t starts at s = (t + U)·365.25 days,
/// U ~ Uniform(0, 1); dose j (j = 0, 1, …) is given at s + j·I while j·I &lt; D, D their duration; each dose counts in
/// the calendar year it falls in, and the patient is on treatment in a year with at least one dose.
/// </summary>
/// <remarks>
/// Write r = I / 365.25 and S(x) = P(D &gt; x). Dose j falls in year t + k exactly when U ∈ [k − j·r, k + 1 − j·r), an
/// interval whose overlap with [0, 1) is the tent 1 − |k − j·r|, and is given with probability S(j·I), independently of
/// U. So E[doses in year t + k] = Σ_j S(j·I)·max(0, 1 − |k − j·r|). For k ≥ 1 the first dose in year t + k is dose
/// j = ⌈(k − U)/r⌉; it is that j for U ∈ [k − j·r, k − (j − 1)·r), and it exists when it is given before the year ends
/// (U &lt; k + 1 − j·r) and while on treatment (S(j·I)); so P(on treatment in year t + k) is the sum over j of S(j·I)
/// times the length of U ∈ [max(0, k − j·r), min(1, k − j·r + min(r, 1))). In year t itself dose 0 is always given.
/// Each sum has about 2/r terms (52 at the label's 14 days).
/// </remarks>
internal static class ExpectedTreatment
{
    /// <summary>Days per year and per month, as the engine's calendar counts them.</summary>
    public const double DaysPerYear = 365.25, DaysPerMonth = DaysPerYear / 12;

    /// <summary>
    /// Fills <paramref name="doses"/>[k] with the expected doses, and <paramref name="onTreatment"/>[k] with the
    /// probability of being on treatment, in the k-th year after the start year (k = 0: the start year).
    /// </summary>
    /// <param name="kind">The duration's family.</param>
    /// <param name="medianMonths">Median duration in months.</param>
    /// <param name="spread">Weibull shape or log-normal sdLog (ignored for the exponential).</param>
    /// <param name="intervalDays">Days between doses.</param>
    /// <param name="doses">Expected doses per year since the start (written).</param>
    /// <param name="onTreatment">Probability of any dose per year since the start (written).</param>
    public static void PerPatient(DurationKind kind, double medianMonths, double spread, double intervalDays,
        Span<double> doses, Span<double> onTreatment)
    {
        double median = medianMonths * DaysPerMonth;
        if (!(median > 0))
        {
            // Durations of zero or less give no dose at all (the engine's count of doses, ⌈D/I⌉, is then ≤ 0).
            doses.Clear();
            onTreatment.Clear();
            return;
        }
        double r = intervalDays / DaysPerYear;
        double step = Math.Min(r, 1);
        for (int k = 0; k < doses.Length; k++)
        {
            double expected = 0;
            for (long j = Math.Max(0, (long)Math.Floor((k - 1) / r)); j <= (long)Math.Ceiling((k + 1) / r); j++)
            {
                double weight = 1 - Math.Abs(k - j * r);
                if (weight > 0) expected += weight * Survival(kind, median, spread, j * intervalDays);
            }
            doses[k] = expected;
        }
        for (int k = 0; k < onTreatment.Length; k++)
        {
            if (k == 0)
            {
                onTreatment[0] = 1;
                continue;
            }
            double probability = 0;
            for (long j = Math.Max(1, (long)Math.Floor((k - 1) / r)); j <= (long)Math.Ceiling((k + 1) / r); j++)
            {
                double length = Math.Min(1, k - j * r + step) - Math.Max(0, k - j * r);
                if (length > 0) probability += length * Survival(kind, median, spread, j * intervalDays);
            }
            onTreatment[k] = probability;
        }
    }

    /// <summary>P(D &gt; <paramref name="days"/>) for the engine's duration draws with this median (in days).</summary>
    public static double Survival(DurationKind kind, double median, double spread, double days)
    {
        if (days <= 0) return 1;
        switch (kind)
        {
            case DurationKind.Exponential:
                // D = median / ln 2 · (−ln V)
                return Math.Exp(-Constants.Ln2 * days / median);
            case DurationKind.LogNormal:
            {
                // D = median · e^(sdLog · Z)
                double sdLog = Math.Abs(spread);
                double z = Math.Log(days / median);
                if (sdLog == 0) return z < 0 ? 1 : 0;
                return 0.5 * SpecialFunctions.Erfc(z / (sdLog * Constants.Sqrt2));
            }
            default:
                // D = scale · (−ln V)^(1/shape), scale = median / (ln 2)^(1/shape)
                return Math.Exp(-Constants.Ln2 * Math.Pow(days / median, spread));
        }
    }
}
