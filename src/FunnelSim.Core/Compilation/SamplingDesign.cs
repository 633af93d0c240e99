using System.Runtime.CompilerServices;
using FunnelSim.Distributions;
using FunnelSim.Model;
using FunnelSim.Sampling;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace FunnelSim.Compilation;

/// <summary>
/// Parameter draws other than plain independent Monte Carlo: replicated Latin hypercube sampling and/or rank correlations.
/// Immutable and shared by the workers; every draw depends only on (seed, iteration, the quantity's stream key) — and,
/// for Latin hypercube, the run's replicate layout (<see cref="HypercubeReplicates"/>) — so results are the same on any
/// thread count and any split into shards.
/// <list type="bullet">
/// <item>Latin hypercube: the run's iterations form R replicates of consecutive iterations; iteration k, the i-th of
/// replicate r of m iterations, takes stratum π_r(i) of each quantity, π_r a permutation keyed by the seed, the quantity's
/// stable stream key and r (<see cref="StratumPermutation"/>): u = (π_r(i) + U) / m with U from the quantity's stream, and
/// x = F⁻¹(u). Each of the m strata is hit exactly once per quantity and replicate.</item>
/// <item>Correlations under Monte Carlo: the correlated quantities get standard normal scores z from their streams,
/// correlated as y = L z with L the Cholesky factor of the Pearson correlations 2 sin(π ρ_s / 6), then x = F⁻¹(Φ(y)):
/// exact marginals and Spearman correlations (a Gaussian copula).</item>
/// <item>Correlations under Latin hypercube: the correlated quantities' strata are reordered within each replicate by
/// Iman–Conover (<see cref="RankReordering"/>, towards the same normal-score correlations), so every quantity keeps
/// its exact strata and the pairs take the asked rank correlations up to the replicate's sampling error.</item>
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

    /// <summary>True when the draws are a replicated Latin hypercube.</summary>
    public bool IsLatinHypercube => _latinHypercube;

    /// <summary>True when some quantities are correlated.</summary>
    public bool IsCorrelated => _copulaSlots.Length > 0;

    /// <summary>
    /// Draws every start value and ramp target of iteration <paramref name="iteration"/> of a run laid out as
    /// <paramref name="replicates"/>; <paramref name="strata"/> is the worker's cache of reordered strata (Latin hypercube
    /// with correlations).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(CompiledParameter[] parameters, ulong seed, long iteration, HypercubeReplicates replicates,
        ReorderedStrata strata, double[] start, double[] target)
    {
        for (int p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            if (_copulaRowOfStart[p] < 0) start[p] = DrawOne(parameter.Start, seed, iteration, replicates, parameter.StartKey);
            if (parameter.Target is { } to && _copulaRowOfTarget[p] < 0)
                target[p] = DrawOne(to, seed, iteration, replicates, parameter.TargetKey);
        }

        int d = _copulaSlots.Length;
        if (d > 0 && _latinHypercube)
        {
            int replicate = replicates.Of(iteration);
            long size = replicates.SizeOf(replicate);
            long row = iteration - replicates.Start(replicate);
            var reordered = strata.Of(this, parameters, seed, replicate, size);
            for (int j = 0; j < d; j++)
            {
                var slot = _copulaSlots[j];
                double jitter = Rng.ForStream(seed, iteration, KeyOf(parameters, slot)).NextOpenDouble();
                double u = Math.Clamp((reordered[row * d + j] + jitter) / size, Smallest, 1 - Smallest);
                (slot.IsRampTarget ? target : start)[slot.ParameterIndex] = slot.Distribution.InverseCdf(u);
            }
        }
        else if (d > 0)
        {
            Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
            for (int j = 0; j < d; j++) z[j] = Rng.ForStream(seed, iteration, KeyOf(parameters, _copulaSlots[j])).NextStandardNormal();
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

    private double DrawOne(Distribution distribution, ulong seed, long iteration, HypercubeReplicates replicates, ulong key)
    {
        if (distribution is FixedDistribution fixedValue) return fixedValue.Value;
        if (_latinHypercube) return distribution.InverseCdf(Stratified(seed, iteration, replicates, key));
        var rng = Rng.ForStream(seed, iteration, key);
        return distribution.Sample(ref rng);
    }

    /// <summary>
    /// u = (π_r(i) + U) / m in the open interval (0, 1): the quantity's stratum for iteration k (the i-th of replicate r of
    /// m iterations), jittered.
    /// </summary>
    internal static double Stratified(ulong seed, long iteration, HypercubeReplicates replicates, ulong key)
    {
        int replicate = replicates.Of(iteration);
        long size = replicates.SizeOf(replicate);
        long stratum = StratumPermutation.Of(iteration - replicates.Start(replicate), size,
            RankReordering.PermutationKey(seed, key, replicate));
        double jitter = Rng.ForStream(seed, iteration, key).NextOpenDouble();
        return Math.Clamp((stratum + jitter) / size, Smallest, 1 - Smallest);
    }

    /// <summary>Fills <paramref name="strata"/> with replicate <paramref name="replicate"/>'s reordered strata (m × d).</summary>
    internal void Reorder(CompiledParameter[] parameters, ulong seed, int replicate, int size, int[] strata)
    {
        var keys = new ulong[_copulaSlots.Length];
        for (int j = 0; j < keys.Length; j++) keys[j] = KeyOf(parameters, _copulaSlots[j]);
        RankReordering.Strata(seed, keys, replicate, size, _factor, strata);
    }

    /// <summary>The correlated quantities: the columns of a replicate's reordered strata.</summary>
    internal int CorrelatedCount => _copulaSlots.Length;

    private static ulong KeyOf(CompiledParameter[] parameters, ParameterSlot slot) =>
        slot.IsRampTarget ? parameters[slot.ParameterIndex].TargetKey : parameters[slot.ParameterIndex].StartKey;
}
