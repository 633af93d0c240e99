using FunnelSim.Compilation;
using FunnelSim.Model;

namespace FunnelSim.Calibration;

/// <summary>
/// The patients of one indication and year split into disjoint groups ("atoms") that every yearly count of new patients
/// is a union of: lost at each pre-test step; later-line patients untested (fusion-positive or not); tested and
/// negative (false negatives, true negatives); true and false positives by how many post-detection steps they passed.
/// Given the parameters the atoms are independent Poisson counts (a Poisson count thinned by independent binomial
/// steps), so any two counts are nested, disjoint or overlapping as their atom sets are, and their exact joint
/// distribution follows from the atoms' expectations. Counts that carry over between years (<c>onTreatment</c>,
/// <c>doses</c>) and money are not atom unions.
/// </summary>
/// <remarks>
/// Local atom layout of an indication with S pre-test and P post-detection steps: lost at pre-test step s (s &lt; S);
/// S untested fusion-positive; S+1 untested fusion-negative; S+2 false negative; S+3 true negative; S+4+k true positives
/// that passed exactly k post-detection steps (k ≤ P); S+5+P+k false positives likewise.
/// </remarks>
internal static class FunnelAtoms
{
    /// <summary>Atoms of indication <paramref name="indication"/>.</summary>
    public static int Count(CompiledIndication indication) =>
        indication.PreTestSteps.Length + 4 + 2 * (indication.PostDetectionSteps.Length + 1);

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
        int untestedPositive = pre, untestedNegative = pre + 1, falseNegative = pre + 2, trueNegative = pre + 3;
        var truePositives = Enumerable.Range(pre + 4, post + 1).ToArray();
        var falsePositives = Enumerable.Range(pre + 5 + post, post + 1).ToArray();
        int afterPre = 1 + pre;
        int afterPost = afterPre + ModelCompiler.PreTestBlock + post;
        int[] laterLine = [untestedPositive, untestedNegative, falseNegative, trueNegative, .. truePositives, .. falsePositives];
        if (m == 0) return [.. Enumerable.Range(0, pre), .. laterLine];
        if (m < afterPre) return [.. Enumerable.Range(m, pre - m), .. laterLine]; // survivors of pre-test step m − 1
        if (m < afterPre + ModelCompiler.PreTestBlock)
        {
            return (m - afterPre) switch
            {
                ModelCompiler.LaterLineOffset => laterLine,
                ModelCompiler.FusionPositiveOffset => [untestedPositive, falseNegative, .. truePositives],
                ModelCompiler.TestedOffset => [falseNegative, trueNegative, .. truePositives, .. falsePositives],
                ModelCompiler.TruePositiveOffset => truePositives,
                ModelCompiler.FalsePositiveOffset => falsePositives,
                ModelCompiler.FalseNegativeOffset => [falseNegative],
                ModelCompiler.UntestedOffset => [untestedPositive],
                _ => [.. truePositives, .. falsePositives], // identified
            };
        }
        if (m < afterPost)
        {
            int passed = m - afterPre - ModelCompiler.PreTestBlock + 1; // survivors of post-detection step (passed − 1)
            return [.. truePositives[passed..], .. falsePositives[passed..]];
        }
        return (m - afterPost) switch
        {
            ModelCompiler.TreatedNewOffset => [truePositives[^1], falsePositives[^1]],
            ModelCompiler.TreatedTruePositiveOffset => [truePositives[^1]],
            ModelCompiler.TreatedFalsePositiveOffset => [falsePositives[^1]],
            _ => null, // onTreatment, doses, money
        };
    }

    /// <summary>
    /// Writes the expected count of each atom of <paramref name="indication"/> in one year into
    /// <paramref name="atoms"/>, from the exact expectations <paramref name="yearCells"/> of that indication's cells that year (as
    /// <see cref="Analysis.ExpectedFunnel"/> computes them). Rounding can leave a difference a hair below zero: clamped.
    /// </summary>
    public static void Expectations(CompiledIndication indication, ReadOnlySpan<double> yearCells, Span<double> atoms)
    {
        int pre = indication.PreTestSteps.Length, post = indication.PostDetectionSteps.Length;
        int afterPre = 1 + pre, afterPost = afterPre + ModelCompiler.PreTestBlock + post;
        double previous = yearCells[0];
        for (int s = 0; s < pre; s++)
        {
            atoms[s] = NonNegative(previous - yearCells[1 + s]);
            previous = yearCells[1 + s];
        }
        double laterLine = yearCells[afterPre + ModelCompiler.LaterLineOffset];
        double tested = yearCells[afterPre + ModelCompiler.TestedOffset];
        double truePositive = yearCells[afterPre + ModelCompiler.TruePositiveOffset];
        double falsePositive = yearCells[afterPre + ModelCompiler.FalsePositiveOffset];
        double falseNegative = yearCells[afterPre + ModelCompiler.FalseNegativeOffset];
        double untested = yearCells[afterPre + ModelCompiler.UntestedOffset];
        double identified = yearCells[afterPre + ModelCompiler.IdentifiedOffset];
        atoms[pre] = NonNegative(untested);
        atoms[pre + 1] = NonNegative(laterLine - tested - untested);
        atoms[pre + 2] = NonNegative(falseNegative);
        atoms[pre + 3] = NonNegative(tested - truePositive - falsePositive - falseNegative);
        // Post-detection steps thin both streams by the same probabilities: the share of the identified still in after
        // k steps applies to each.
        double before = 1;
        for (int k = 0; k < post; k++)
        {
            double after = identified > 0 ? yearCells[afterPre + ModelCompiler.PreTestBlock + k] / identified : 0;
            atoms[pre + 4 + k] = NonNegative(truePositive * (before - after));
            atoms[pre + 5 + post + k] = NonNegative(falsePositive * (before - after));
            before = after;
        }
        atoms[pre + 4 + post] = NonNegative(yearCells[afterPost + ModelCompiler.TreatedTruePositiveOffset]);
        atoms[pre + 5 + 2 * post] = NonNegative(yearCells[afterPost + ModelCompiler.TreatedFalsePositiveOffset]);
    }

    private static double NonNegative(double x) => x > 0 ? x : 0;
}
