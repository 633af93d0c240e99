namespace FunnelSim.Engine;

/// <summary>
/// One worker's view of the iterations it simulates, for an export that needs every iteration's values (the
/// per-iteration draws of <c>FunnelSim.Export.DrawsRun</c>). The worker calls <see cref="BeginBlock"/>, then
/// <see cref="Observe"/> after each iteration of the block in iteration order (the runner's
/// <see cref="IterationRunner.CellValues"/>, <see cref="IterationRunner.Costs"/> values, drawn parameters and ramp
/// targets then hold that iteration), then <see cref="EndBlock"/>. Blocks reach the workers' observers out of order;
/// putting them back in order is the observer's business. A run without observers never calls one, so its loop is
/// unchanged.
/// </summary>
internal abstract class IterationObserver
{
    /// <summary>The worker starts iterations <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public abstract void BeginBlock(long first, long count);

    /// <summary>The worker has simulated <paramref name="iteration"/>; <paramref name="runner"/> holds its values.</summary>
    public abstract void Observe(long iteration, IterationRunner runner);

    /// <summary>The block begun last is complete.</summary>
    public abstract void EndBlock();

    /// <summary>The worker stopped with an exception (the block begun last is incomplete): release anything waiting on it.</summary>
    public abstract void Abandon();
}
