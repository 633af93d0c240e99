using System.Runtime.CompilerServices;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Sampling;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace FunnelSim.Compilation;

/// <summary>
/// Parameter draws other than plain independent Monte Carlo: Latin hypercube sampling and/or rank correlations through
/// a Gaussian copula. Immutable and shared by the workers; every draw depends only on (seed, iteration, the quantity's
/// stream key) — and, for Latin hypercube, the run's iteration count — so results are the same on any thread count.
/// <list type="bullet">
/// <item>Latin hypercube: iteration k of N takes stratum π(k) of each quantity, π a permutation keyed by the seed and the
/// quantity's stable stream key (<see cref="StratumPermutation"/>): u = (π(k) + U) / N with U from the quantity's stream,
/// and x = F⁻¹(u). Each of the N strata is hit exactly once per quantity.</item>
/// <item>Correlations: the correlated quantities get normal scores z (a standard normal from their stream, or Φ⁻¹ of the
/// stratified u under Latin hypercube), correlated as y = L z with L the Cholesky factor of the Pearson correlations
/// 2 sin(π ρ_s / 6), then x = F⁻¹(Φ(y)): exactly the asked Spearman correlations, exact marginals. Under Latin hypercube
/// the first correlated quantity keeps its exact strata; the others keep their marginals but not exact stratification.</item>
/// </list>
/// Uncorrelated quantities under Monte Carlo are drawn exactly as without a design, so adding a correlation leaves every
/// other parameter's draws unchanged (common random numbers).
/// </summary>
internal sealed class SamplingDesign
{
    private const double Smallest = 1.0 / (1UL << 53);

    private readonly bool _latinHypercube;
    private readonly int[] _copulaRowOfStart;   // per parameter: its start's row in the copula, or −1
    private readonly int[] _copulaRowOfTarget;  // per parameter: its ramp target's row, or −1
    private readonly ParameterSlot[] _copulaSlots;
    private readonly double[] _factor;

    private SamplingDesign(bool latinHypercube, int parameters, CorrelationMatrix? correlations)
    {
        _latinHypercube = latinHypercube;
        _copulaRowOfStart = Enumerable.Repeat(-1, parameters).ToArray();
        _copulaRowOfTarget = Enumerable.Repeat(-1, parameters).ToArray();
        _copulaSlots = correlations?.Slots ?? [];
        _factor = correlations?.Factor ?? [];
        for (int row = 0; row < _copulaSlots.Length; row++)
        {
            var slot = _copulaSlots[row];
            (slot.IsRampTarget ? _copulaRowOfTarget : _copulaRowOfStart)[slot.ParameterIndex] = row;
        }
    }

    /// <summary>The design of <paramref name="scenario"/>, or null for independent Monte Carlo draws.</summary>
    /// <exception cref="ArgumentException">The correlations are inconsistent (validation refuses such a scenario first).</exception>
    public static SamplingDesign? Create(Scenario scenario, IReadOnlyList<ModelParameter> parameters)
    {
        bool latinHypercube = scenario.Simulation.Sampling == SamplingMethod.LatinHypercube;
        bool correlated = !scenario.Correlations.IsDefaultOrEmpty;
        if (!latinHypercube && !correlated) return null;
        CorrelationMatrix? matrix = null;
        if (correlated)
        {
            matrix = CorrelationMatrix.Build(scenario.Correlations, ParameterSlot.All(parameters), scenario.Simulation.CorrelationRepair);
            if (matrix.Factor is null) throw new ArgumentException("the correlations are not positive semi-definite", nameof(scenario));
        }
        return new SamplingDesign(latinHypercube, parameters.Count, matrix);
    }

    /// <summary>Draws every start value and ramp target of iteration <paramref name="iteration"/> of <paramref name="iterations"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(CompiledParameter[] parameters, ulong seed, long iteration, long iterations, double[] start, double[] target)
    {
        for (int p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            if (_copulaRowOfStart[p] < 0) start[p] = DrawOne(parameter.Start, seed, iteration, iterations, parameter.StartKey);
            if (parameter.Target is { } to && _copulaRowOfTarget[p] < 0)
                target[p] = DrawOne(to, seed, iteration, iterations, parameter.TargetKey);
        }

        int d = _copulaSlots.Length;
        if (d > 0)
        {
            Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
            for (int j = 0; j < d; j++)
            {
                ulong key = KeyOf(parameters, _copulaSlots[j]);
                z[j] = _latinHypercube
                    ? Normal.InvCDF(0, 1, Stratified(seed, iteration, iterations, key))
                    : Rng.ForStream(seed, iteration, key).NextStandardNormal();
            }
            for (int i = 0; i < d; i++)
            {
                double y = 0;
                for (int k = 0; k <= i; k++) y += _factor[i * d + k] * z[k];
                var slot = _copulaSlots[i];
                double u = Math.Clamp(Normal.CDF(0, 1, y), Smallest, 1 - Smallest);
                (slot.IsRampTarget ? target : start)[slot.ParameterIndex] = slot.Distribution.InverseCdf(u);
            }
        }

        for (int p = 0; p < parameters.Length; p++)
        {
            if (parameters[p].Target is null) target[p] = start[p];
        }
    }

    private double DrawOne(Distribution distribution, ulong seed, long iteration, long iterations, ulong key)
    {
        if (distribution is FixedDistribution fixedValue) return fixedValue.Value;
        if (_latinHypercube) return distribution.InverseCdf(Stratified(seed, iteration, iterations, key));
        var rng = Rng.ForStream(seed, iteration, key);
        return distribution.Sample(ref rng);
    }

    /// <summary>u = (π(k) + U) / N in the open interval (0, 1): the quantity's stratum for this iteration, jittered.</summary>
    internal static double Stratified(ulong seed, long iteration, long iterations, ulong key)
    {
        long stratum = StratumPermutation.Of(iteration, iterations, SplitMix64.Mix(seed ^ key ^ 0x4C48535472617461UL));
        double jitter = Rng.ForStream(seed, iteration, key).NextOpenDouble();
        return Math.Clamp((stratum + jitter) / iterations, Smallest, 1 - Smallest);
    }

    private static ulong KeyOf(CompiledParameter[] parameters, ParameterSlot slot) =>
        slot.IsRampTarget ? parameters[slot.ParameterIndex].TargetKey : parameters[slot.ParameterIndex].StartKey;
}
