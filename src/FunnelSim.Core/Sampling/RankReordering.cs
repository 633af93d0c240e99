using Normal = MathNet.Numerics.Distributions.Normal;

namespace FunnelSim.Sampling;

/// <summary>
/// Iman–Conover rank reordering (Iman and Conover 1982) of one Latin hypercube replicate: gives each of d correlated
/// quantities a permutation of its m strata such that the strata's rank correlations approach the asked ones, while
/// every quantity still takes each of its m strata exactly once. Column j starts as a random permutation (keyed by the
/// seed, the quantity's stream key and the replicate) of the van der Waerden scores Φ⁻¹((q + ½)/m); the rows are
/// decorrelated by the Cholesky factor Q of their sample correlation and correlated by the target factor P (rows
/// y = P Q⁻¹ x); each quantity's stratum in row i is the rank of y_ij in its column. Deterministic: a function of
/// (seed, keys, replicate, m, P) only.
/// </summary>
public static class RankReordering
{
    /// <summary>Largest replicate reordered (its scores are held in memory): 2^20 iterations.</summary>
    public const long MaxSize = 1L << 20;

    /// <summary>
    /// Fills <paramref name="strata"/> (m × d, row-major) with the stratum (0 … m − 1) of each quantity in each row of
    /// replicate <paramref name="replicate"/>.
    /// </summary>
    /// <param name="seed">Master seed.</param>
    /// <param name="keys">Each quantity's stream key.</param>
    /// <param name="replicate">The replicate (a different reordering for each).</param>
    /// <param name="size">Its iterations m.</param>
    /// <param name="factor">Lower-triangular target factor P (d × d, row-major): the normal-score correlations are P Pᵀ.</param>
    /// <param name="strata">m × d output.</param>
    public static void Strata(ulong seed, ReadOnlySpan<ulong> keys, int replicate, int size, double[] factor, int[] strata)
    {
        int d = keys.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(strata.Length, size * d);
        var score = new double[size];
        double squares = 0;
        for (int q = 0; q < size; q++)
        {
            score[q] = Normal.InvCDF(0, 1, (q + 0.5) / size);
            squares += score[q] * score[q];
        }
        var x = new double[size * d];
        for (int j = 0; j < d; j++)
        {
            ulong key = PermutationKey(seed, keys[j], replicate);
            for (int i = 0; i < size; i++) x[i * d + j] = score[StratumPermutation.Of(i, size, key)];
        }

        // Sample correlation of the columns (each has mean 0 and sum of squares `squares`, by symmetry of the scores).
        var t = new double[d, d];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < d; j++)
                for (int k = 0; k <= j; k++) t[j, k] += x[i * d + j] * x[i * d + k];
        for (int j = 0; j < d; j++)
            for (int k = 0; k <= j; k++) t[k, j] = t[j, k] = squares > 0 ? t[j, k] / squares : (j == k ? 1 : 0);
        var q0 = CholeskyFactor.Of(t);
        bool decorrelate = q0 is not null && Enumerable.Range(0, d).All(j => q0[j * d + j] > 1e-6);

        var y = new double[size * d];
        Span<double> w = d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < size; i++)
        {
            var row = x.AsSpan(i * d, d);
            for (int j = 0; j < d; j++)
            {
                double value = row[j];
                if (decorrelate)
                {
                    for (int k = 0; k < j; k++) value -= q0![j * d + k] * w[k];
                    value /= q0![j * d + j];
                }
                w[j] = value;
            }
            for (int j = 0; j < d; j++)
            {
                double value = 0;
                for (int k = 0; k <= j; k++) value += factor[j * d + k] * w[k];
                y[i * d + j] = value;
            }
        }

        var column = new double[size];
        var rows = new int[size];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < size; i++)
            {
                column[i] = y[i * d + j];
                rows[i] = i;
            }
            Array.Sort(column, rows);
            for (int rank = 0; rank < size; rank++) strata[rows[rank] * d + j] = rank;
        }
    }

    /// <summary>The key of a quantity's stratum permutation in a replicate.</summary>
    public static ulong PermutationKey(ulong seed, ulong key, int replicate) =>
        SplitMix64.Mix(seed ^ key ^ 0x4C48535472617461UL ^ SplitMix64.Mix((ulong)replicate + 0x5265706CUL));
}
