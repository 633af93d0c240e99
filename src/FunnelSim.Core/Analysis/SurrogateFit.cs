namespace FunnelSim.Analysis;

/// <summary>How well the tree surrogate predicts the output on draws it was not fitted on.</summary>
/// <param name="Model">The model family.</param>
/// <param name="TrainDraws">Draws it was fitted on (the first ones).</param>
/// <param name="TestDraws">Held-out draws it was judged on (the last ones).</param>
/// <param name="RSquared">R² on the held-out draws: near 1, the importances can be trusted; below about 0.5, read them with care.</param>
/// <param name="Seed">Seed of the ML context.</param>
public sealed record SurrogateFit(string Model, int TrainDraws, int TestDraws, double RSquared, int Seed)
{
    /// <summary>Held-out R² from which the importances are called trustworthy.</summary>
    public const double TrustworthyRSquared = 0.7;

    /// <summary>A word for the user: how far to trust the importances.</summary>
    public string Verdict => RSquared >= TrustworthyRSquared ? "good" : RSquared >= 0.4 ? "fair; read importances with care" : "poor; the importances are not reliable";
}
