using FunnelSim.Calibration;
using FunnelSim.Json;

namespace FunnelSim.Cluster;

/// <summary>
/// The tempered sampler's per-particle work on a cluster: each step (the prior draws, each stage's moves) is split into
/// chunks of particles handed to the workers through the <see cref="ClusterCoordinator"/> (placement, retries on another
/// worker with backoff, timeouts, cancellation, no-worker detection); each worker runs the core's <see cref="ParticleWork"/>
/// on its chunk, so the particles are those of the local run, bit for bit. Answers are kept by chunk: each chunk's
/// particles are written once, from the one attempt that answered.
/// </summary>
public sealed class ClusterParticleMover : IParticleMover
{
    private readonly ClusterCoordinator _coordinator;
    private readonly IProgress<CalibrationProgress>? _progress;
    private readonly string _scenarioJson;
    private readonly ObservationWire[] _observations;
    private readonly ulong _seed;
    private readonly int _dimensions;
    private readonly string _calibration = Guid.NewGuid().ToString("N");

    /// <summary>A mover for <paramref name="problem"/> on the cluster of <paramref name="coordinator"/>.</summary>
    public ClusterParticleMover(ClusterCoordinator coordinator, CalibrationProblem problem, IProgress<CalibrationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(problem);
        _coordinator = coordinator;
        _progress = progress;
        _scenarioJson = ScenarioWriter.Write(problem.Model.Scenario);
        _observations = [.. problem.Observations.Select(ObservationWire.From)];
        _seed = problem.Seed;
        _dimensions = problem.Dimensions;
    }

    /// <inheritdoc />
    /// <exception cref="ClusterUnavailableException">A chunk failed on every attempt, or no worker answers.</exception>
    public void Initialise(double[] points, double[] logLikelihoods, CancellationToken cancellationToken) =>
        RunAsync(null, points, logLikelihoods, null, cancellationToken).GetAwaiter().GetResult();

    /// <inheritdoc />
    /// <exception cref="ClusterUnavailableException">A chunk failed on every attempt, or no worker answers.</exception>
    public void Move(ParticleMoves moves, double[] points, double[] logLikelihoods, int[] accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(accepted);
        RunAsync(moves, points, logLikelihoods, accepted, cancellationToken).GetAwaiter().GetResult();
    }

    private async Task RunAsync(ParticleMoves? moves, double[] points, double[] logL, int[]? accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(logL);
        int n = logL.Length, d = _dimensions;
        if (points.Length != n * d) throw new ArgumentException($"{d} coordinates per particle", nameof(points));
        int chunks = ClusterCalibration.ChunkCount(n, Math.Max(_coordinator.SilosAlive, 1));
        int stage = moves is null ? 0 : moves.Stage + 1;
        double power = moves?.Power ?? 0;
        string step = moves is null ? "the prior draws" : $"stage {stage}";
        var wireMoves = moves is null ? null : new MovesWire
        {
            Particles = moves.Particles, Stage = moves.Stage, Power = moves.Power, ProposalFactor = moves.ProposalFactor,
            Scale = moves.Scale, Moves = moves.Moves,
        };
        int done = 0;
        Report(stage, power, 0, chunks);

        async Task Chunk(int c, CancellationToken token)
        {
            int first = (int)((long)n * c / chunks), count = (int)((long)n * (c + 1) / chunks) - first;
            var work = new CalibrationChunkWork
            {
                ScenarioJson = _scenarioJson, Observations = _observations, Seed = _seed, First = first, Count = count, Moves = wireMoves,
                Points = moves is null ? [] : points[(first * d)..((first + count) * d)],
                LogLikelihoods = moves is null ? [] : logL[first..(first + count)],
                Threads = _coordinator.Options.ThreadsPerShard,
            };
            var answer = await _coordinator.Call($"{_calibration}/{stage}/{c}",
                $"particles {first:N0} to {first + count - 1:N0} of {step}",
                (grain, limit) => _coordinator.Grains.GetGrain<ICalibrationGrain>(grain).Run(work, limit),
                a => Checked(a, count, d, moves is not null), token).ConfigureAwait(false);
            Array.Copy(answer.Points, 0, points, first * d, count * d);
            Array.Copy(answer.LogLikelihoods, 0, logL, first, count);
            if (accepted is not null) Array.Copy(answer.Accepted, 0, accepted, first, count);
            Report(stage, power, Interlocked.Increment(ref done), chunks);
        }

        await _coordinator.RunPieces(chunks, Chunk, cancellationToken).ConfigureAwait(false);
    }

    private static CalibrationChunkAnswer Checked(CalibrationChunkAnswer answer, int count, int d, bool moves) =>
        answer.Points.Length == count * d && answer.LogLikelihoods.Length == count && answer.Accepted.Length == (moves ? count : 0)
            ? answer
            : throw new InvalidOperationException($"the worker answered for {answer.LogLikelihoods.Length} particles instead of {count}");

    private void Report(int stage, double power, int done, int chunks) =>
        _progress?.Report(new CalibrationProgress(stage, power, done, chunks, _coordinator.SilosAlive, _coordinator.Retries));
}
