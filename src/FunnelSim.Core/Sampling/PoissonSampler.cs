using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>Poisson(<c>λ</c>) variates in O(1) expected time for large <c>λ</c> (tested up to 1e8).</summary>
public static class PoissonSampler
{
    // Hörmann's PTRS is valid for λ ≥ 10; below that, inversion takes fewer than about 11 steps on average.
    private const double InversionLimit = 10;

    // ½ ln 2π, the constant of Stirling's formula.
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>
    /// One draw from Poisson(<paramref name="lambda"/>).
    /// Below <c>λ = 10</c> this is inversion by sequential search (one uniform, the pmf recurrence
    /// <c>f(x) = f(x − 1)·λ/x</c>); from 10 up it is PTRS, the transformed rejection with squeeze of
    /// W. Hörmann, "The transformed rejection method for generating Poisson random variables",
    /// Insurance: Mathematics and Economics 12 (1993) 39–45, with <c>ln k!</c> in its rejection test written
    /// through the Stirling-series correction so that large <c>λ</c> loses no precision.
    /// </summary>
    /// <param name="rng">The stream to draw from; advanced in place.</param>
    /// <param name="lambda">The mean; <c>λ ≤ 0</c> gives 0. Values above about 1e15 are outside double precision's integer range and are not supported.</param>
    /// <returns>The count, ≥ 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Rng rng, double lambda)
    {
        if (!(lambda > 0)) return 0; // also sends NaN to the empty draw
        return lambda < InversionLimit ? Inversion(ref rng, lambda) : Ptrs(ref rng, lambda);
    }

    /// <summary>Sequential search from 0 for <c>λ &lt; 10</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Inversion(ref Rng rng, double lambda)
    {
        double f0 = Math.Exp(-lambda);
        while (true)
        {
            double u = rng.NextDouble();
            double f = f0;
            for (long x = 0; ; x++)
            {
                if (u <= f) return x;
                u -= f;
                f *= lambda / (x + 1);
                // Rounding can leave u above the total computed mass (probability ~1e-16): once the
                // pmf underflows, nothing further can be returned, so start again.
                if (f == 0) break;
            }
        }
    }

    /// <summary>PTRS (Hörmann 1993) for <c>λ ≥ 10</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Ptrs(ref Rng rng, double lambda)
    {
        double slam = Math.Sqrt(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double logInvAlpha = Math.Log(1.1239 + 1.1328 / (b - 3.4));
        double vr = 0.9277 - 3.6224 / (b - 2);

        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + lambda + 0.43);

            // Inside the squeeze the hat lies under the density: accept without evaluating it.
            if (us >= 0.07 && v <= vr) return (long)k;
            // The paper's second quick rejection; also rejects k = −∞ from us = 0 (u = −½ exactly).
            if (k < 0 || (us < 0.013 && v > us)) continue;

            // ln(λ^k e^−λ / k!) with ln k! = (k + ½) ln(k + 1) − (k + 1) + ½ ln 2π + fc(k). With
            // d = (λ − k − 1)/(k + 1) the large terms k ln(λ/(k + 1)) + (k + 1 − λ) become
            // (k + 1)(ln(1 + d) − d) − ln(1 + d): no cancellation between numbers of size λ ln λ.
            double k1 = k + 1;
            double d = (lambda - k1) / k1;
            double l = Log1P.Of(d);
            double logPmf = k1 * (l - d) - l - 0.5 * Math.Log(k1) - HalfLogTwoPi - StirlingCorrection.Of(k);
            if (Math.Log(v) + logInvAlpha - Math.Log(a / (us * us) + b) <= logPmf) return (long)k;
        }
    }
}
