namespace FunnelSim.Sampling;

/// <summary>
/// The lower-triangular L with L Lᵀ = C of a correlation matrix C. Positive semi-definite matrices are accepted:
/// a variable that is an exact combination of earlier ones (e.g. a correlation of ±1) gets a zero pivot.
/// </summary>
public static class CholeskyFactor
{
    private const double Tolerance = 1e-10;

    /// <summary>L in row-major order (n × n), or null when <paramref name="matrix"/> is not positive semi-definite.</summary>
    public static double[]? Of(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double pivot = matrix[j, j];
            for (int k = 0; k < j; k++) pivot -= l[j * n + k] * l[j * n + k];
            if (pivot < -Tolerance) return null;
            double diagonal = pivot > Tolerance ? Math.Sqrt(pivot) : 0;
            l[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++)
            {
                double value = matrix[i, j];
                for (int k = 0; k < j; k++) value -= l[i * n + k] * l[j * n + k];
                if (diagonal == 0)
                {
                    // A dependent column: consistent only if nothing is left to explain.
                    if (Math.Abs(value) > 1e-7) return null;
                    l[i * n + j] = 0;
                }
                else
                {
                    l[i * n + j] = value / diagonal;
                }
            }
        }
        return l;
    }
}
