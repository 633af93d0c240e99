using MathNet.Numerics.LinearAlgebra;

namespace FunnelSim.Compilation;

/// <summary>
/// The nearest correlation matrix (Higham 2002, "Computing the nearest correlation matrix — a problem from finance",
/// IMA J. Numer. Anal. 22:329–343): alternating projections, with Dykstra's correction, onto the positive semi-definite
/// matrices and onto the matrices with a unit diagonal, in the Frobenius norm. The result is then kept a little inside
/// the positive definite cone (eigenvalues at least <see cref="MinEigenvalue"/>, rescaled to a unit diagonal) so that its
/// Cholesky factor exists and the copula can draw from it.
/// </summary>
internal static class NearestCorrelation
{
    /// <summary>Smallest eigenvalue kept in the repaired matrix.</summary>
    public const double MinEigenvalue = 1e-6;

    private const int MaxIterations = 500;
    private const double Tolerance = 1e-12;

    /// <summary>The smallest eigenvalue of the symmetric <paramref name="matrix"/>.</summary>
    public static double SmallestEigenvalue(double[,] matrix) =>
        Matrix<double>.Build.DenseOfArray(matrix).Evd(Symmetricity.Symmetric).EigenValues.Min(v => v.Real);

    /// <summary>The nearest correlation matrix to the symmetric <paramref name="matrix"/> (unit diagonal, positive definite).</summary>
    public static double[,] Of(double[,] matrix)
    {
        var a = Matrix<double>.Build.DenseOfArray(matrix);
        int n = a.RowCount;
        var y = a.Clone();
        var correction = Matrix<double>.Build.Dense(n, n);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var r = y - correction;
            var x = PositiveSemiDefinite(r, 0);
            correction = x - r;
            var previous = y;
            y = x.Clone();
            for (int i = 0; i < n; i++) y[i, i] = 1;
            if ((y - previous).FrobeniusNorm() <= Tolerance * Math.Max(1, y.FrobeniusNorm())) break;
        }
        // Strictly inside the cone, then back to a unit diagonal.
        var inside = PositiveSemiDefinite(y, MinEigenvalue);
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result[i, j] = i == j ? 1 : inside[i, j] / Math.Sqrt(inside[i, i] * inside[j, j]);
        return result;
    }

    /// <summary>The projection onto the symmetric matrices whose eigenvalues are at least <paramref name="floor"/>.</summary>
    private static Matrix<double> PositiveSemiDefinite(Matrix<double> m, double floor)
    {
        var symmetric = (m + m.Transpose()) / 2;
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => Math.Max(v.Real, floor)).ToArray();
        var vectors = evd.EigenVectors;
        return vectors * Matrix<double>.Build.DenseOfDiagonalArray(values) * vectors.Transpose();
    }
}
