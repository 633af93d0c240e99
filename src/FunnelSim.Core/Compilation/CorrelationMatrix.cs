using FunnelSim.Model;
using FunnelSim.Sampling;

namespace FunnelSim.Compilation;

/// <summary>
/// The Gaussian copula behind a scenario's rank correlations: the correlated slots, in order of first mention, and the
/// Cholesky factor of the normal (Pearson) correlations that give the asked Spearman correlations.
/// </summary>
internal sealed class CorrelationMatrix
{
    private CorrelationMatrix(ParameterSlot[] slots, double[,] pearson, double[]? factor, double[,]? asked = null)
    {
        Slots = slots;
        Pearson = pearson;
        Factor = factor;
        Asked = asked;
    }

    /// <summary>The normal-score correlations as asked, when they were replaced by the nearest valid matrix; else null.</summary>
    public double[,]? Asked { get; }

    /// <summary>The Spearman rank correlation that normal scores correlated at <paramref name="pearson"/> give: (6/π) asin(r/2).</summary>
    public static double SpearmanOf(double pearson) => 6 / Math.PI * Math.Asin(pearson / 2);

    /// <summary>The correlated slots; row i of the factor belongs to slot i.</summary>
    public ParameterSlot[] Slots { get; }

    /// <summary>Correlations of the normal scores.</summary>
    public double[,] Pearson { get; }

    /// <summary>Lower-triangular Cholesky factor (row-major); null when the correlations are inconsistent.</summary>
    public double[]? Factor { get; }

    /// <summary>
    /// The Pearson correlation of two standard normals whose images Φ(z) have Spearman correlation
    /// <paramref name="spearman"/>: r = 2 sin(π ρ_s / 6) (exact for the Gaussian copula).
    /// </summary>
    public static double PearsonOf(double spearman) => 2 * Math.Sin(Math.PI * spearman / 6);

    /// <summary>
    /// Builds the matrix; every path must name a slot of <paramref name="slots"/> (the reader checks that first).
    /// Pairs not mentioned are uncorrelated. With <see cref="CorrelationRepair.Nearest"/>, a matrix that is not positive
    /// semi-definite is replaced by the nearest valid one (<see cref="NearestCorrelation"/>; <see cref="Asked"/> keeps the original).
    /// </summary>
    public static CorrelationMatrix Build(IEnumerable<Correlation> correlations, IReadOnlyList<ParameterSlot> slots,
        CorrelationRepair repair = CorrelationRepair.None)
    {
        var byPath = slots.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var order = new List<ParameterSlot>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = correlations.ToList();
        foreach (string path in list.SelectMany(c => new[] { c.A, c.B }))
        {
            if (index.ContainsKey(path)) continue;
            index[path] = order.Count;
            order.Add(byPath[path]);
        }
        var pearson = new double[order.Count, order.Count];
        for (int i = 0; i < order.Count; i++) pearson[i, i] = 1;
        foreach (var c in list)
        {
            double r = PearsonOf(c.Rho);
            pearson[index[c.A], index[c.B]] = r;
            pearson[index[c.B], index[c.A]] = r;
        }
        var factor = CholeskyFactor.Of(pearson);
        if (factor is null && repair == CorrelationRepair.Nearest && order.Count > 0)
        {
            var nearest = NearestCorrelation.Of(pearson);
            return new CorrelationMatrix([.. order], nearest, CholeskyFactor.Of(nearest), pearson);
        }
        return new CorrelationMatrix([.. order], pearson, factor);
    }
}
