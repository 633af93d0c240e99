namespace FunnelSim.Core.Tests.Statistics;

/// <summary>The outcome of a goodness-of-fit test; the record's text makes a failed assertion readable.</summary>
internal sealed record GoodnessOfFit(string Test, double Statistic, double PValue)
{
    /// <summary>Significance level of every fit test. Seeds are fixed, so a result never flickers; 1e-4 keeps
    /// the chance that a correct sampler fails at the chosen seed negligible while a wrong one still fails.</summary>
    public const double Alpha = 1e-4;

    public bool Rejected => PValue < Alpha;
}
