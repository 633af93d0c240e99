using FunnelSim.Calibration;
using Orleans.Placement;

namespace FunnelSim.Cluster;

/// <summary>
/// A chunk of particles drawn or moved on the silo the coordinator hinted at (else a random one), by the core's
/// <see cref="ParticleWork"/>, the code the local sampler runs. Each attempt is a new grain, deactivated once it has answered;
/// it runs once the worker has the cores it asks for (<see cref="CoreGate"/>).
/// </summary>
[RandomPlacement]
internal sealed class CalibrationGrain(CalibrationProblems problems, CoreGate cores, ILocalSiloDetails silo) : Grain, ICalibrationGrain
{
    public async Task<CalibrationChunkAnswer> Run(CalibrationChunkWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await cores.Run(work.Threads, () => Work(work, cancellationToken), cancellationToken).ConfigureAwait(true);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private CalibrationChunkAnswer Work(CalibrationChunkWork work, CancellationToken cancellationToken)
    {
        var problem = problems.Get(work);
        int threads = work.Threads > 0 ? Math.Min(work.Threads, Environment.ProcessorCount) : Environment.ProcessorCount;
        var logL = work.Moves is null ? new double[work.Count] : (double[])work.LogLikelihoods.Clone();
        var points = work.Moves is null ? new double[work.Count * problem.Dimensions] : (double[])work.Points.Clone();
        int[] accepted = [];
        if (work.Moves is not { } m) ParticleWork.Initialise(problem, work.First, points, logL, threads, cancellationToken);
        else
        {
            accepted = new int[work.Count];
            var moves = new ParticleMoves(m.Particles, m.Stage, m.Power, m.ProposalFactor, m.Scale, m.Moves);
            ParticleWork.Move(problem, moves, work.First, points, logL, accepted, threads, cancellationToken);
        }
        return new CalibrationChunkAnswer { Points = points, LogLikelihoods = logL, Accepted = accepted, Silo = silo.SiloAddress.ToString() };
    }
}
