using BenchmarkDotNet.Attributes;
using FunnelSim.Sampling;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace FunnelSim.Benchmarks;

/// <summary>
/// The O(1) samplers against MathNet at national scale. Each of our benchmarks makes <see cref="Draws"/> draws so
/// the per-draw time is not lost in call overhead; MathNet's binomial loops over all n trials (about 0.7 ms a
/// draw here), so its benchmarks make one draw per invocation and BenchmarkDotNet reports per draw throughout.
/// </summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int Draws = 1000;

    private Rng _rng;
    // MathNet's own xoshiro256**, without the lock a thread-safe source takes on every draw.
    private readonly Random _random = new Xoshiro256StarStar(42, threadSafe: false);

    [GlobalSetup]
    public void Setup() => _rng = Rng.FromSeed(42);

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Binomial(200000, 0.003)")]
    public long Btrs_200000_p0003()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += BinomialSampler.Sample(ref _rng, 200_000, 0.003);
        return sum;
    }

    [Benchmark]
    [BenchmarkCategory("Binomial(200000, 0.003)")]
    public int MathNet_200000_p0003() => Binomial.Sample(_random, 0.003, 200_000);

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Binomial(195000, 0.63)")]
    public long Btrs_195000_p063()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += BinomialSampler.Sample(ref _rng, 195_000, 0.63);
        return sum;
    }

    [Benchmark]
    [BenchmarkCategory("Binomial(195000, 0.63)")]
    public int MathNet_195000_p063() => Binomial.Sample(_random, 0.63, 195_000);

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Binomial(20, 0.3)")]
    public long Inversion_20_p03()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += BinomialSampler.Sample(ref _rng, 20, 0.3);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Poisson(195000)")]
    public long Ptrs_195000()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += PoissonSampler.Sample(ref _rng, 195_000);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Poisson(195000)")]
    public long MathNet_Poisson_195000()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += Poisson.Sample(_random, 195_000);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Poisson(3)")]
    public long Inversion_Poisson_3()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += PoissonSampler.Sample(ref _rng, 3);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    [BenchmarkCategory("Poisson(3)")]
    public long MathNet_Poisson_3()
    {
        long sum = 0;
        for (int i = 0; i < Draws; i++) sum += Poisson.Sample(_random, 3);
        return sum;
    }
}
