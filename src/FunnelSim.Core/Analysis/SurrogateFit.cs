namespace FunnelSim.Analysis;

/// <summary>
/// How well the tree surrogate predicts the output on draws it was not fitted on, judged against what is attainable: the
/// share of the output's variance the inputs can explain at all (the rest is patient-level chance), and a linear
/// regression fitted and judged on the same split.
/// </summary>
/// <param name="Model">The model family.</param>
/// <param name="TrainDraws">Draws it was fitted on (the first ones).</param>
/// <param name="TestDraws">Held-out draws it was judged on (the last ones).</param>
/// <param name="RSquared">The tree's R² on the held-out draws.</param>
/// <param name="Seed">Seed of the ML context.</param>
public sealed record SurrogateFit(string Model, int TrainDraws, int TestDraws, double RSquared, int Seed)
{
    /// <summary>Share of the attainable R² from which the importances are called good.</summary>
    public const double GoodShare = 0.9;

    /// <summary>Share of the attainable R² from which they are called fair.</summary>
    public const double FairShare = 0.6;

    /// <summary>An attainable R² below this leaves almost nothing for any surrogate to explain.</summary>
    public const double LittleToExplain = 0.1;

    /// <summary>
    /// The attainable ceiling: the share of the output's variance the inputs can explain at all, 1 − E[Var(Y | inputs)] /
    /// Var(Y), with the noise variance estimated by simulating the output repeatedly at held inputs (see
    /// <see cref="AttainableFit"/>); NaN when it could not be estimated.
    /// </summary>
    public double AttainableRSquared { get; init; } = double.NaN;

    /// <summary>R² of a linear regression (with intercept) fitted on the same training draws and judged on the same held-out ones.</summary>
    public double LinearRSquared { get; init; } = double.NaN;

    /// <summary>The tree's held-out R² as a share of the attainable one (NaN when that is unknown or below <see cref="LittleToExplain"/>).</summary>
    public double ShareOfAttainable => AttainableRSquared >= LittleToExplain ? RSquared / AttainableRSquared : double.NaN;

    /// <summary>
    /// A word for the user, comparing the tree with the ceiling and with the linear baseline: <c>good</c> from 90% of the
    /// attainable R², <c>fair</c> from 60%, else <c>poor</c>; with a note when a linear model does as well or when the inputs
    /// explain almost nothing.
    /// </summary>
    public string Verdict => VerdictText();

    private string VerdictText()
    {
        if (double.IsNaN(AttainableRSquared)) return "unknown ceiling";
        if (AttainableRSquared < LittleToExplain)
            return "little to explain: the inputs move the output far less than patient-level chance";
        double share = ShareOfAttainable;
        string word = share >= GoodShare ? "good" : share >= FairShare ? "fair; read importances with care" : "poor; the importances are not reliable";
        return LinearRSquared >= RSquared - 0.01 ? word + "; a linear model does as well" : word;
    }
}
