using FunnelSim.Analysis;
using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Calibration;

/// <summary>
/// The patients of one indication and year split into disjoint groups ("atoms") that every yearly count of new patients
/// is a union of: lost at each pre-test step; later-line patients untested (fusion-positive or not); tested and
/// negative (false negatives, true negatives); true and false positives by how many post-detection steps they passed;
/// and, where a modality has a reflex test, the same tested groups once more for the patients given a reflex test.
/// Given the parameters the atoms are independent Poisson counts (a Poisson count thinned by independent binomial
/// steps, a categorical choice per patient), so any two counts are nested, disjoint or overlapping as their atom sets are,
/// and their exact joint distribution follows from the atoms' expectations. Counts that carry over between years
/// (<c>onTreatment</c>, <c>doses</c>) and money are not atom unions.
/// </summary>
/// <remarks>
/// Local atom layout of an indication with S pre-test and P post-detection steps: lost at pre-test step s (s &lt; S);
/// S untested fusion-positive; S+1 untested fusion-negative; S+2 false negative; S+3 true negative; S+4+k true positives
/// that passed exactly k post-detection steps (k ≤ P); S+5+P+k false positives likewise — each of the tested atoms
/// without a reflex test. With a reflex, B = S+6+2P: B false negative after a reflex test; B+1 true negative after one;
/// B+2+k true positives identified by the reflex test that passed k steps; B+3+P+k false positives likewise.
/// </remarks>
internal static class FunnelAtoms
{
    /// <summary>Atoms of indication <paramref name="indication"/>.</summary>
    public static int Count(CompiledIndication indication) =>
        (indication.PreTestSteps.Length + 4 + 2 * (indication.PostDetectionSteps.Length + 1))
        + (indication.HasReflex ? 2 + 2 * (indication.PostDetectionSteps.Length + 1) : 0);

    /// <summary>True when <paramref name="metric"/> of group <paramref name="group"/> (an indication, or the total after
    /// them) is a yearly count of new patients with an exact likelihood.</summary>
    public static bool IsCount(CompiledModel model, int group, string metric) =>
        group < model.Indications.Length
            ? Local(model.Indications[group], metric) is not null
            : model.Indications.All(i => Local(i, metric) is not null);

    /// <summary>The count metrics of group <paramref name="group"/>, in report order.</summary>
    public static IEnumerable<string> CountMetrics(CompiledModel model, int group) =>
        model.MetricsOf(group).Where(m => IsCount(model, group, m));

    /// <summary>
    /// The atoms (local indices) <paramref name="metric"/> of <paramref name="indication"/> counts, or null when it is not
    /// a count of new patients.
    /// </summary>
    public static int[]? Local(CompiledIndication indication, string metric)
    {
        int pre = indication.PreTestSteps.Length, post = indication.PostDetectionSteps.Length;
        int m = Array.IndexOf(indication.Metrics, metric);
        if (m < 0) return null;
        int untestedPositive = pre, untestedNegative = pre + 1;
        int reflexBase = pre + 6 + 2 * post;
        bool reflex = indication.HasReflex;
        // Without a reflex the reflex groups are empty: no atoms.
        int[] falseNegatives = reflex ? [pre + 2, reflexBase] : [pre + 2];
        int[] trueNegatives = reflex ? [pre + 3, reflexBase + 1] : [pre + 3];
        int[] reflexTruePositives = reflex ? [.. Enumerable.Range(reflexBase + 2, post + 1)] : [];
        int[] reflexFalsePositives = reflex ? [.. Enumerable.Range(reflexBase + 3 + post, post + 1)] : [];
        int[] firstTruePositives = [.. Enumerable.Range(pre + 4, post + 1)];
        int[] firstFalsePositives = [.. Enumerable.Range(pre + 5 + post, post + 1)];
        // Survivors of the first `passed` post-detection steps, of every positive stream.
        int[] Passed(int passed) => [.. firstTruePositives[passed..], .. reflexTruePositives[Math.Min(passed, reflexTruePositives.Length)..],
            .. firstFalsePositives[passed..], .. reflexFalsePositives[Math.Min(passed, reflexFalsePositives.Length)..]];
        int[] truePositives = [.. firstTruePositives, .. reflexTruePositives];
        int[] falsePositives = [.. firstFalsePositives, .. reflexFalsePositives];
        int afterPre = 1 + pre;
        int afterPost = afterPre + CellLayout.TestingBlock + post;
        int[] laterLine = [untestedPositive, untestedNegative, .. falseNegatives, .. trueNegatives, .. truePositives, .. falsePositives];
        if (m == 0) return [.. Enumerable.Range(0, pre), .. laterLine];
        if (m < afterPre) return [.. Enumerable.Range(m, pre - m), .. laterLine]; // survivors of pre-test step m − 1
        if (m < afterPre + CellLayout.TestingBlock)
        {
            return (m - afterPre) switch
            {
                CellLayout.LaterLine => laterLine,
                CellLayout.FusionPositive => [untestedPositive, .. falseNegatives, .. truePositives],
                CellLayout.Tested => [.. falseNegatives, .. trueNegatives, .. truePositives, .. falsePositives],
                CellLayout.TruePositive => truePositives,
                CellLayout.FalsePositive => falsePositives,
                CellLayout.FalseNegative => falseNegatives,
                CellLayout.UntestedFusionPositive => [untestedPositive],
                CellLayout.Identified => [.. truePositives, .. falsePositives],
                CellLayout.ReflexTested => reflex ? [reflexBase, reflexBase + 1, .. reflexTruePositives, .. reflexFalsePositives] : [],
                _ => [.. reflexTruePositives, .. reflexFalsePositives], // identifiedByReflex
            };
        }
        if (m < afterPost) return Passed(m - afterPre - CellLayout.TestingBlock + 1); // survivors of post-detection step (passed − 1)
        return (m - afterPost) switch
        {
            CellLayout.TreatedNew => Passed(post),
            CellLayout.TreatedNewTruePositive => [firstTruePositives[^1], .. reflexTruePositives[Math.Min(post, reflexTruePositives.Length)..]],
            CellLayout.TreatedNewFalsePositive => [firstFalsePositives[^1], .. reflexFalsePositives[Math.Min(post, reflexFalsePositives.Length)..]],
            _ => null, // onTreatment, doses, money
        };
    }

    /// <summary>
    /// Writes the expected count of each atom of <paramref name="indication"/> in one year into
    /// <paramref name="atoms"/>, from the exact expectations <paramref name="yearCells"/> of that indication's cells that year and
    /// its reflex split <paramref name="reflex"/> (as <see cref="ExpectedFunnel"/> computes them: its <c>Reflex</c> values of
    /// that indication and year). Rounding can leave a difference a hair below zero: clamped.
    /// </summary>
    public static void Expectations(CompiledIndication indication, ReadOnlySpan<double> yearCells, ReadOnlySpan<double> reflex, Span<double> atoms)
    {
        int pre = indication.PreTestSteps.Length, post = indication.PostDetectionSteps.Length;
        int afterPre = 1 + pre, afterPost = afterPre + CellLayout.TestingBlock + post;
        double previous = yearCells[0];
        for (int s = 0; s < pre; s++)
        {
            atoms[s] = NonNegative(previous - yearCells[1 + s]);
            previous = yearCells[1 + s];
        }
        double laterLine = yearCells[afterPre + CellLayout.LaterLine];
        double tested = yearCells[afterPre + CellLayout.Tested];
        double truePositive = yearCells[afterPre + CellLayout.TruePositive];
        double falsePositive = yearCells[afterPre + CellLayout.FalsePositive];
        double falseNegative = yearCells[afterPre + CellLayout.FalseNegative];
        double untested = yearCells[afterPre + CellLayout.UntestedFusionPositive];
        double identified = yearCells[afterPre + CellLayout.Identified];
        bool hasReflex = indication.HasReflex;
        double reflexFalseNegative = hasReflex ? reflex[ExpectedFunnel.ReflexFalseNegative] : 0;
        double reflexTrueNegative = hasReflex ? reflex[ExpectedFunnel.ReflexTrueNegative] : 0;
        double reflexTruePositive = hasReflex ? reflex[ExpectedFunnel.ReflexTruePositive] : 0;
        double reflexFalsePositive = hasReflex ? reflex[ExpectedFunnel.ReflexFalsePositive] : 0;
        atoms[pre] = NonNegative(untested);
        atoms[pre + 1] = NonNegative(laterLine - tested - untested);
        atoms[pre + 2] = NonNegative(falseNegative - reflexFalseNegative);
        atoms[pre + 3] = NonNegative(tested - truePositive - falsePositive - falseNegative - reflexTrueNegative);
        double firstTruePositive = truePositive - reflexTruePositive, firstFalsePositive = falsePositive - reflexFalsePositive;
        int reflexBase = pre + 6 + 2 * post;
        if (hasReflex)
        {
            atoms[reflexBase] = NonNegative(reflexFalseNegative);
            atoms[reflexBase + 1] = NonNegative(reflexTrueNegative);
        }
        // Post-detection steps thin every positive stream by the same probabilities: the share of the identified still in
        // after k steps applies to each.
        double before = 1;
        for (int k = 0; k <= post; k++)
        {
            double after = k == post ? 0 : identified > 0 ? yearCells[afterPre + CellLayout.TestingBlock + k] / identified : 0;
            atoms[pre + 4 + k] = NonNegative(firstTruePositive * (before - after));
            atoms[pre + 5 + post + k] = NonNegative(firstFalsePositive * (before - after));
            if (hasReflex)
            {
                atoms[reflexBase + 2 + k] = NonNegative(reflexTruePositive * (before - after));
                atoms[reflexBase + 3 + post + k] = NonNegative(reflexFalsePositive * (before - after));
            }
            before = after;
        }
        if (!hasReflex)
        {
            // As before the reflex: the last atoms straight from the treated cells (no rounding of a product).
            atoms[pre + 4 + post] = NonNegative(yearCells[afterPost + CellLayout.TreatedNewTruePositive]);
            atoms[pre + 5 + 2 * post] = NonNegative(yearCells[afterPost + CellLayout.TreatedNewFalsePositive]);
        }
    }

    private static double NonNegative(double x) => x > 0 ? x : 0;
}
