using FunnelSim.Analysis;
using FunnelSim.Formatting;

namespace FunnelSim.Rendering;

/// <summary>The drivers' surrogate fit in words, for the command line's table and the UI's Drivers tab.</summary>
internal static class SurrogateText
{
    /// <summary>
    /// The fit in one line after "R² …: ", e.g. <c>0.598, 96% of the attainable 0.623 (good); held-out linear R² 0.550</c>.
    /// </summary>
    public static string Describe(SurrogateFit fit)
    {
        string tree = HumanNumber.Fixed(fit.RSquared, 3);
        string linear = double.IsNaN(fit.LinearRSquared) ? "" : $"; held-out linear R² {HumanNumber.Fixed(fit.LinearRSquared, 3)}";
        string ceiling = double.IsNaN(fit.ShareOfAttainable)
            ? double.IsNaN(fit.AttainableRSquared) ? "" : $" of an attainable {HumanNumber.Fixed(fit.AttainableRSquared, 3)}"
            : $", {HumanNumber.Percent(fit.ShareOfAttainable)} of the attainable {HumanNumber.Fixed(fit.AttainableRSquared, 3)}";
        return $"{tree}{ceiling} ({fit.Verdict}){linear}";
    }
}
