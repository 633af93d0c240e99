using BenchmarkDotNet.Attributes;
using FunnelSim.Sampling;

namespace FunnelSim.Benchmarks;

/// <summary>
/// One binomial or Poisson draw at national scale: FunnelSim's O(1) samplers (BTRS, PTRS) against MathNet.Numerics,
/// whose Binomial.Sample loops over the n trials.
/// </summary>
public class SamplerBenchmarks
{
    private Rng _rng = Rng.FromSeed(1);
    private readonly System.Random _random = new(1);

    [Params(200_000)]
    public int Trials { get; set; }

    [Benchmark(Baseline = true)]
    public long BinomialBtrs() => BinomialSampler.Sample(ref _rng, Trials, 0.003);

    [Benchmark]
    public long BinomialMathNet() => MathNet.Numerics.Distributions.Binomial.Sample(_random, 0.003, Trials);

    [Benchmark]
    public long BinomialBtrsHalf() => BinomialSampler.Sample(ref _rng, Trials, 0.63);

    [Benchmark]
    public long PoissonPtrs() => PoissonSampler.Sample(ref _rng, Trials);

    [Benchmark]
    public long PoissonMathNet() => MathNet.Numerics.Distributions.Poisson.Sample(_random, Trials);
}
