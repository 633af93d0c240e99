namespace FunnelSim.Analysis;

/// <summary>How a tornado's bar ends are computed.</summary>
public enum TornadoMethod
{
    /// <summary>The exact expectation of the output (<see cref="ExpectedFunnel"/>): no Monte Carlo error at all.</summary>
    Expectation,

    /// <summary>The mean over simulated iterations on common random numbers, with its Monte Carlo standard error; for
    /// outputs without an exact expectation.</summary>
    Simulation,
}
