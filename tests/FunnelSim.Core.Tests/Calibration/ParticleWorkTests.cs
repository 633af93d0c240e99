using FunnelSim.Calibration;
using FunnelSim.Compilation;
using FunnelSim.Distributions;
using FunnelSim.Model;
using static FunnelSim.Core.Tests.Support.TestScenarios;

namespace FunnelSim.Core.Tests.Calibration;

/// <summary>
/// The sampler's per-particle work is the same whoever runs it and in whatever blocks: the seam a cluster plugs into
/// (<see cref="IParticleMover"/>) gives the local result bit for bit when the particles are cut into odd chunks run one
/// thread at a time, as a cluster's workers would run them.
/// </summary>
public sealed class ParticleWorkTests
{
    private static Scenario Prior() => Scenario(years: 2, iterations: 1000, seed: 7, indications:
    [
        Indication("a",
            incidence: Uncertain(new LogNormalDistribution(400, 100)),
            preTest: [Step("advanced", Fixed(0.5))],
            prevalence: Uncertain(new BetaDistribution(6, 54)),
            uptake: Fixed(0.7),
            modalities: [new Modality("rna", null, null, 1, Fixed(0.9), Fixed(1))],
            postDetection: [Step("prescribed", Fixed(0.8))],
            duration: new WeibullDuration(Fixed(9), Fixed(1.2))),
    ]);

    private static readonly Observation[] Observed =
    [
        new("a", 2026, MetricNames.TreatedNew, 9, 1, "observations[0]"),
        new("a", 2027, MetricNames.OnTreatment, 17, 1, "observations[1]"),
    ];

    [Fact]
    public void ACalibrationWhoseParticlesAreMovedInChunksEqualsTheLocalOne()
    {
        var model = ModelCompiler.Compile(Prior());
        var options = new CalibrationOptions(150, 4, 2);
        var local = Calibrator.Run(model, Observed, options);

        // Built again, as a worker builds it from what it is sent.
        var problem = CalibrationProblem.Build(ModelCompiler.Compile(Prior()), [.. Observed], options.Seed);
        var chunked = Calibrator.Run(problem, options, new ChunkedMover(problem, 7));

        Assert.Contains("approximate Bayesian computation", local.Likelihood, StringComparison.Ordinal);
        Assert.Equal(local.PosteriorValues, chunked.PosteriorValues);
        var date = new DateOnly(2026, 12, 6);
        Assert.Equal(PosteriorScenario.Write(local, "observed.json", date), PosteriorScenario.Write(chunked, "observed.json", date));
        Assert.Equal(local.Checks, chunked.Checks);
        Assert.Equal(local.Projection, chunked.Projection);
    }

    [Fact]
    public void ABlockMustHoldWholeParticles()
    {
        var problem = CalibrationProblem.Build(ModelCompiler.Compile(Prior()), [.. Observed], 1);

        Assert.Throws<ArgumentException>(() => ParticleWork.Initialise(problem, 0, new double[5], new double[2], 1, CancellationToken.None));
        Assert.Throws<ArgumentException>(() =>
            Calibrator.Run(problem, new CalibrationOptions(100, 2, 1), new LocalParticleMover(problem, 1)));
    }

    /// <summary>Every step in chunks of <paramref name="size"/> particles, each on one thread, copied in and out as a worker's would be.</summary>
    private sealed class ChunkedMover(CalibrationProblem problem, int size) : IParticleMover
    {
        public void Initialise(double[] points, double[] logLikelihoods, CancellationToken cancellationToken)
        {
            int d = problem.Dimensions;
            for (int first = 0; first < logLikelihoods.Length; first += size)
            {
                int count = Math.Min(size, logLikelihoods.Length - first);
                var p = new double[count * d];
                var l = new double[count];
                ParticleWork.Initialise(problem, first, p, l, 1, cancellationToken);
                p.CopyTo(points, first * d);
                l.CopyTo(logLikelihoods, first);
            }
        }

        public void Move(ParticleMoves moves, double[] points, double[] logLikelihoods, int[] accepted, CancellationToken cancellationToken)
        {
            int d = problem.Dimensions;
            for (int first = 0; first < logLikelihoods.Length; first += size)
            {
                int count = Math.Min(size, logLikelihoods.Length - first);
                var p = points[(first * d)..((first + count) * d)];
                var l = logLikelihoods[first..(first + count)];
                var a = new int[count];
                ParticleWork.Move(problem, moves, first, p, l, a, 1, cancellationToken);
                p.CopyTo(points, first * d);
                l.CopyTo(logLikelihoods, first);
                a.CopyTo(accepted, first);
            }
        }
    }
}
