using FunnelSim.Compilation;

namespace FunnelSim.Analysis;

/// <summary>
/// Which indication reads each parameter. The funnels of different indications share no parameter and no random
/// stream, so a parameter of one indication cannot move another indication's outputs: an analysis may skip it there
/// and know its effect is exactly zero. Parameters no indication claims (e.g. scenario-wide ones) affect everything.
/// </summary>
internal static class ParameterOwnership
{
    /// <summary>For each parameter, the index of the indication that reads it, or −1 when it is not one indication's.</summary>
    public static int[] Owners(CompiledModel model)
    {
        var owners = new int[model.Parameters.Length];
        Array.Fill(owners, -1);
        for (int i = 0; i < model.Indications.Length; i++)
        {
            var ind = model.Indications[i];
            IEnumerable<int> read = [
                ind.Incidence, ind.Growth, ind.Prevalence, ind.Uptake, ind.UptakeRatioFusionPositive, ind.DurationMedian, ind.DurationSpread,
                .. ind.PreTestSteps, .. ind.PostDetectionSteps,
                .. ind.Modalities.SelectMany(m => new[] { m.Sensitivity, m.Specificity, m.ReflexProbability }),
            ];
            foreach (int p in read.Where(p => p >= 0)) owners[p] = i;
        }
        return owners;
    }

    /// <summary>True when parameter <paramref name="parameter"/> can change a cell of <paramref name="group"/>
    /// (an indication index, or the indication count for the total).</summary>
    public static bool CanAffect(int[] owners, int parameter, int group, int indications) =>
        group == indications || owners[parameter] < 0 || owners[parameter] == group;
}
