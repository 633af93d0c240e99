using System.Runtime.CompilerServices;

namespace FunnelSim.Sampling;

/// <summary>
/// Binomial(<c>n</c>, <c>p</c>) variates in O(1) expected time, whatever the size of <c>n</c>: the funnel draws
/// how many of hundreds of thousands of patients move on at each step, so looping over trials is not an option.
/// </summary>
public static class BinomialSampler
{
    // Hörmann's BTRS is valid for n·p ≥ 10; below that, inversion takes fewer than about 11 steps on average.
    private const double InversionLimit = 10;

    /// <summary>
    /// One draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).
    /// With <c>μ = n·min(p, 1 − p)</c> below 10 this is inversion by sequential search (one uniform, the pmf
    /// recurrence <c>f(x) = f(x − 1)·((n + 1)/x − 1)·p/q</c>); otherwise it is BTRS, the transformed rejection
    /// with squeeze of W. Hörmann, "The generation of binomial random variates", Journal of Statistical
    /// Computation and Simulation 46 (1993) 101–110, with the log-factorials of its rejection test written
    /// through the Stirling-series correction. Both work on <c>min(p, 1 − p)</c> and reflect (<c>n − X</c>).
    /// </summary>
    /// <param name="rng">The stream to draw from; advanced in place.</param>
    /// <param name="n">Number of trials; <c>n ≤ 0</c> gives 0.</param>
    /// <param name="p">Success probability; <c>p ≤ 0</c> gives 0 and <c>p ≥ 1</c> gives <paramref name="n"/> exactly.</param>
    /// <returns>The number of successes, in <c>[0, n]</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sample(ref Rng rng, long n, double p)
    {
        if (n <= 0 || !(p > 0)) return 0; // !(p > 0) also sends NaN to the empty draw
        if (p >= 1) return n;
        bool reflect = p > 0.5;
        double pp = reflect ? 1 - p : p;
        long x = n * pp < InversionLimit ? Inversion(ref rng, n, pp) : Btrs(ref rng, n, pp);
        return reflect ? n - x : x;
    }

    /// <summary>Sequential search from 0 for <c>p ≤ ½</c> and <c>n·p &lt; 10</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Inversion(ref Rng rng, long n, double p)
    {
        double q = 1 - p;
        double s = p / q;
        double a = (n + 1) * s;
        // q^n through log1p: exact enough for n in the billions with p tiny, where Math.Pow(1 - p, n) loses digits.
        double f0 = Math.Exp(n * Log1P.Of(-p));
        while (true)
        {
            double u = rng.NextDouble();
            double f = f0;
            for (long x = 0; x <= n; x++)
            {
                if (u <= f) return x;
                u -= f;
                f *= a / (x + 1) - s;
                // Rounding can leave u above the total computed mass (probability ~1e-16): once the
                // pmf underflows, nothing further can be returned, so start again rather than walk to n.
                if (f == 0) break;
            }
        }
    }

    /// <summary>BTRS (Hörmann 1993) for <c>p ≤ ½</c> and <c>n·p ≥ 10</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Btrs(ref Rng rng, long n, double p)
    {
        double q = 1 - p;
        double spq = Math.Sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;

        // Constants of the exact rejection test: about 14 % of pairs need them, so they are set up on first use.
        bool haveTest = false;
        double alpha = 0, lr = 0, m = 0, modeTerm = 0;

        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + c);

            // Inside the squeeze the hat lies under the density: accept without evaluating it.
            if (us >= 0.07 && v <= vr) return (long)k;
            // Also rejects k = −∞ from us = 0 (u = −½ exactly).
            if (k < 0 || k > n) continue;

            if (!haveTest)
            {
                alpha = (2.83 + 5.1 / b) * spq;
                lr = Math.Log(p / q);
                m = Math.Floor((n + 1) * p);
                modeTerm = (m + 0.5) * Math.Log((m + 1) / (n - m + 1)) - (m + 0.5) * lr
                    + StirlingCorrection.Of(m) + StirlingCorrection.Of(n - m);
                haveTest = true;
            }

            // ln(f(k)/f(m)) for f(k) ∝ r^k / (k! (n − k)!), r = p/q, with every ln j! written as
            // (j + ½) ln(j + 1) − (j + 1) + ½ ln 2π + fc(j): the linear and constant parts cancel exactly.
            // The (n + 1)-weighted term is a log of a ratio near 1, so it goes through ln(1 + x).
            double nk = n - k + 1;
            double logRatio = modeTerm
                + (n + 1) * Log1P.Of((k - m) / nk)
                + (k + 0.5) * (lr + Math.Log(nk / (k + 1)))
                - StirlingCorrection.Of(k) - StirlingCorrection.Of(n - k);
            if (Math.Log(v * alpha / (a / (us * us) + b)) <= logRatio) return (long)k;
        }
    }
}
