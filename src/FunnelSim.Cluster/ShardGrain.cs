using FunnelSim.Shards;
using Orleans.Placement;

namespace FunnelSim.Cluster;

/// <summary>
/// A shard run on the silo the coordinator hinted at (<c>IPlacementDirector.PlacementHintKey</c>), else on a random one.
/// Each attempt is a new grain, so it deactivates as soon as it has answered. It runs once the worker has the cores it asks
/// for (<see cref="CoreGate"/>).
/// </summary>
[RandomPlacement]
internal sealed class ShardGrain(ModelCache models, CoreGate cores, ILocalSiloDetails silo) : Grain, IShardGrain
{
    public async Task<ShardAnswer> Run(ShardWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            byte[] partial = await cores.Run(work.Threads, () =>
            {
                var model = models.Get(work.ScenarioJson);
                return PartialBinary.Write(ShardRun.Run(model, new Shard(work.Index, work.Count), work.Command, work.Threads,
                    cancellationToken: cancellationToken));
            }, cancellationToken).ConfigureAwait(true);
            return new ShardAnswer { Partial = partial, Silo = silo.SiloAddress.ToString() };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
