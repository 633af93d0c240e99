using FunnelSim.Sampling;

namespace FunnelSim.Calibration;

/// <summary>
/// Sequential Monte Carlo with likelihood tempering over the latent standard normals of <see cref="PriorSpace"/>
/// (Del Moral, Doucet and Jasra 2006; Chopin 2002): particles start as prior draws; each stage raises the likelihood's
/// power φ as far as keeps half of the effective sample size, reweights, resamples (systematic) and moves every particle
/// by random-walk Metropolis steps whose proposal follows the particles' covariance, targeting N(z; 0, I)·L(z)^φ; at
/// φ = 1 the particles are equally weighted posterior draws. Every random number comes from a stream keyed by (seed,
/// stage, particle), and every sum is taken in particle order, so results are the same on any thread count. The per-particle
/// work (<see cref="ParticleWork"/>: the prior draws and each stage's moves) runs wherever the <see cref="IParticleMover"/>
/// runs it; the rest (reweighting, resampling, the proposal) runs here.
/// </summary>
internal sealed class TemperedSampler
{
    private const int MaxStages = 500;
    private static readonly ulong ResampleKey = StreamKey.Of("calibration/resample");

    private readonly IParticleMover _mover;
    private const int MinMoves = 5, MaxMoves = 100;
    private readonly int _dimensions, _particles;
    private readonly ulong _seed;

    /// <summary>A sampler of <paramref name="particles"/> particles whose per-particle work <paramref name="mover"/> runs.</summary>
    public TemperedSampler(IParticleMover mover, int dimensions, int particles, ulong seed)
    {
        _mover = mover;
        _dimensions = dimensions;
        _particles = particles;
        _seed = seed;
    }

    /// <summary>What a run gave.</summary>
    public sealed record Outcome(double[] Prior, double[] Posterior, double[] PriorLogLikelihood, IReadOnlyList<Stage> Stages);

    /// <summary>One tempering stage: the power reached, the effective sample size of its weights (before resampling),
    /// and the share of proposed moves accepted.</summary>
    public sealed record Stage(double Power, double EffectiveSampleSize, double Acceptance);

    public Outcome Run(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        int n = _particles, d = _dimensions;
        var z = new double[n * d];
        var logL = new double[n];
        _mover.Initialise(z, logL, cancellationToken);
        var prior = (double[])z.Clone();
        var priorLogL = (double[])logL.Clone();
        int finite = logL.Count(double.IsFinite);
        if (finite == 0) throw new CalibrationException("no draw from the scenario's prior can give the observed counts (every one has probability 0); check the observations against the scenario");

        var stages = new List<Stage>();
        double power = 0, scale = 2.38 / Math.Sqrt(Math.Max(1, d)), lastAcceptance = 0.25;
        var weights = new double[n];
        var accepted = new int[n];
        while (power < 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stages.Count == MaxStages) throw new CalibrationException($"the sampler did not reach the posterior in {MaxStages} stages; try more --draws");
            double step = NextStep(logL, 1 - power, weights, out double ess);
            power = step >= 1 - power ? 1 : power + step;
            Resample(weights, z, logL, stages.Count);
            var chol = ProposalFactor(z);
            Array.Clear(accepted);
            int stage = stages.Count;
            // Enough moves that a particle travels about one posterior sd in every direction: an accepted move goes
            // scale·sd, so it takes 1/scale² accepted ones (duplicates from resampling must drift apart).
            int moves = (int)Math.Clamp(Math.Ceiling(1 / (scale * scale * Math.Max(lastAcceptance, 0.05))), MinMoves, MaxMoves);
            _mover.Move(new ParticleMoves(n, stage, power, chol, scale, moves), z, logL, accepted, cancellationToken);
            double acceptance = d == 0 ? 1 : accepted.Sum() / (double)(n * moves);
            lastAcceptance = acceptance;
            stages.Add(new Stage(power, ess, acceptance));
            // Keep the acceptance near a quarter (Roberts, Gelman and Gilks 1997).
            scale *= acceptance > 0.3 ? 1.3 : acceptance < 0.15 ? 0.7 : 1;
            progress?.Report(power);
        }
        return new Outcome(prior, z, priorLogL, stages);
    }

    /// <summary>
    /// The largest power step (at most <paramref name="room"/>) whose weights keep half the effective sample size there is
    /// (bisection); writes the weights.
    /// </summary>
    private static double NextStep(double[] logL, double room, double[] weights, out double ess)
    {
        double max = logL.Where(double.IsFinite).Max();
        double target = 0.5 * logL.Count(double.IsFinite);
        double Ess(double step)
        {
            double sum = 0, squares = 0;
            for (int j = 0; j < logL.Length; j++)
            {
                double w = double.IsFinite(logL[j]) ? Math.Exp(step * (logL[j] - max)) : 0;
                weights[j] = w;
                sum += w;
                squares += w * w;
            }
            return sum * sum / squares;
        }
        double chosen;
        if (Ess(room) >= target) chosen = room;
        else
        {
            double low = 0, high = room;
            for (int i = 0; i < 60; i++)
            {
                double mid = 0.5 * (low + high);
                if (Ess(mid) >= target) low = mid;
                else high = mid;
            }
            chosen = low > 0 ? low : high * 1e-3;
        }
        ess = Ess(chosen);
        return chosen;
    }

    /// <summary>Systematic resampling by <paramref name="weights"/>, in place.</summary>
    private void Resample(double[] weights, double[] z, double[] logL, int stage)
    {
        int n = _particles, d = _dimensions;
        double total = weights.Sum();
        var rng = Rng.ForStream(_seed, stage, ResampleKey);
        double u = rng.NextDouble() / n;
        var source = (double[])z.Clone();
        var sourceLogL = (double[])logL.Clone();
        double cumulative = weights[0] / total;
        int i = 0;
        for (int j = 0; j < n; j++)
        {
            double position = u + (double)j / n;
            while (cumulative < position && i < n - 1) cumulative += weights[++i] / total;
            Array.Copy(source, i * d, z, j * d, d);
            logL[j] = sourceLogL[i];
        }
    }

    /// <summary>Lower Cholesky factor of the particles' covariance (with a little jitter), row-major d × d.</summary>
    private double[] ProposalFactor(double[] z)
    {
        int n = _particles, d = _dimensions;
        var mean = new double[d];
        for (int j = 0; j < n; j++)
            for (int k = 0; k < d; k++) mean[k] += z[j * d + k];
        for (int k = 0; k < d; k++) mean[k] /= n;
        var cov = new double[d, d];
        for (int j = 0; j < n; j++)
            for (int a = 0; a < d; a++)
            {
                double da = z[j * d + a] - mean[a];
                for (int b = 0; b <= a; b++) cov[a, b] += da * (z[j * d + b] - mean[b]);
            }
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                cov[a, b] /= Math.Max(1, n - 1);
                cov[b, a] = cov[a, b];
            }
            cov[a, a] += 1e-10;
        }
        return CholeskyFactor.Of(cov) ?? Diagonal(cov);
    }

    private static double[] Diagonal(double[,] cov)
    {
        int d = cov.GetLength(0);
        var factor = new double[d * d];
        for (int a = 0; a < d; a++) factor[a * d + a] = Math.Sqrt(Math.Max(cov[a, a], 1e-10));
        return factor;
    }
}

/// <summary>A calibration that cannot give an answer, with the reason in the user's words.</summary>
public sealed class CalibrationException(string message) : Exception(message);
