using FunnelSim.Sampling;

namespace FunnelSim.Calibration;

/// <summary>
/// The tempered sampler's per-particle work on a contiguous block of particles: drawing them from the prior with their
/// log-likelihoods, or one stage's random-walk Metropolis moves. Pure and deterministic: particle j's result depends only on
/// the problem, j and its own inputs (its random numbers come from a stream keyed by the seed, the stage and j), never on the
/// block it is in, the threads or the machine. The sampler runs it on this machine (<see cref="LocalParticleMover"/>) and a
/// cluster's workers run it on their blocks, so both give the same bits.
/// </summary>
public static class ParticleWork
{
    private static readonly ulong InitKey = StreamKey.Of("calibration/prior");
    private static readonly ulong MoveKey = StreamKey.Of("calibration/move");

    /// <summary>
    /// Draws particles <paramref name="first"/> to <paramref name="first"/> + n − 1 (n the length of
    /// <paramref name="logLikelihoods"/>) from the prior: their latent points, row-major into <paramref name="points"/>
    /// (<see cref="CalibrationProblem.Dimensions"/> each), and their log-likelihoods.
    /// </summary>
    public static void Initialise(CalibrationProblem problem, int first, double[] points, double[] logLikelihoods, int threads,
        CancellationToken cancellationToken)
    {
        Check(problem, first, points, logLikelihoods);
        int d = problem.Dimensions;
        ulong seed = problem.Seed;
        ForParticles(problem, logLikelihoods.Length, threads, cancellationToken, (evaluator, i) =>
        {
            var rng = Rng.ForStream(seed, first + i, InitKey);
            var point = points.AsSpan(i * d, d);
            for (int k = 0; k < d; k++) point[k] = rng.NextStandardNormal();
            logLikelihoods[i] = evaluator.LogLikelihood(point);
        });
    }

    /// <summary>
    /// One stage's <paramref name="moves"/> of particles <paramref name="first"/> to <paramref name="first"/> + n − 1 (n the
    /// length of <paramref name="logLikelihoods"/>), in place: their latent points (row-major in <paramref name="points"/>)
    /// and log-likelihoods; the moves each accepted into <paramref name="accepted"/>.
    /// </summary>
    public static void Move(CalibrationProblem problem, ParticleMoves moves, int first, double[] points, double[] logLikelihoods,
        int[] accepted, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(accepted);
        Check(problem, first, points, logLikelihoods);
        int d = problem.Dimensions;
        if (accepted.Length != logLikelihoods.Length) throw new ArgumentException("one count of accepted moves per particle", nameof(accepted));
        if (moves.ProposalFactor.Length != d * d) throw new ArgumentException($"the proposal's factor must be {d} × {d}", nameof(moves));
        if (first + logLikelihoods.Length > moves.Particles) throw new ArgumentOutOfRangeException(nameof(first), "particles past the last");
        ulong seed = problem.Seed;
        ForParticles(problem, logLikelihoods.Length, threads, cancellationToken, (evaluator, i) =>
            accepted[i] = MoveOne(evaluator, points.AsSpan(i * d, d), ref logLikelihoods[i], moves, seed, first + i));
    }

    private static void Check(CalibrationProblem problem, int first, double[] points, double[] logLikelihoods)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(logLikelihoods);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        if (points.Length != logLikelihoods.Length * problem.Dimensions)
            throw new ArgumentException($"{problem.Dimensions} coordinates per particle", nameof(points));
    }

    private static int MoveOne(LikelihoodEvaluator evaluator, Span<double> point, ref double logL, ParticleMoves moves, ulong seed,
        int particle)
    {
        int d = point.Length;
        if (d == 0) return 0;
        var chol = moves.ProposalFactor;
        double power = moves.Power, scale = moves.Scale;
        var rng = Rng.ForStream(seed, (long)moves.Stage * moves.Particles + particle, MoveKey);
        Span<double> noise = stackalloc double[d];
        Span<double> proposal = stackalloc double[d];
        int accepted = 0;
        double current = Target(point, logL, power);
        for (int m = 0; m < moves.Moves; m++)
        {
            for (int k = 0; k < d; k++) noise[k] = rng.NextStandardNormal();
            for (int a = 0; a < d; a++)
            {
                double step = 0;
                for (int b = 0; b <= a; b++) step += chol[a * d + b] * noise[b];
                proposal[a] = point[a] + scale * step;
            }
            double proposedLogL = evaluator.LogLikelihood(proposal);
            double proposed = Target(proposal, proposedLogL, power);
            if (Math.Log(rng.NextOpenDouble()) < proposed - current)
            {
                proposal.CopyTo(point);
                logL = proposedLogL;
                current = proposed;
                accepted++;
            }
        }
        return accepted;
    }

    private static double Target(ReadOnlySpan<double> z, double logL, double power)
    {
        if (!double.IsFinite(logL)) return double.NegativeInfinity;
        double squares = 0;
        foreach (double x in z) squares += x * x;
        return -0.5 * squares + power * logL;
    }

    /// <summary>Runs <paramref name="body"/> for particles 0 to <paramref name="count"/> − 1 of the block, one evaluator per thread.</summary>
    private static void ForParticles(CalibrationProblem problem, int count, int threads, CancellationToken cancellationToken,
        Action<LikelihoodEvaluator, int> body)
    {
        if (count == 0) return;
        threads = Math.Max(1, threads);
        int chunks = Math.Min(count, threads * 8);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, chunks, options, problem.NewEvaluator, (chunk, _, evaluator) =>
        {
            int from = (int)((long)count * chunk / chunks), to = (int)((long)count * (chunk + 1) / chunks);
            for (int j = from; j < to; j++)
            {
                if (((j - from) & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                body(evaluator, j);
            }
            return evaluator;
        }, _ => { });
    }
}
