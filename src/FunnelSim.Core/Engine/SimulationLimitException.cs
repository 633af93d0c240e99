namespace FunnelSim.Engine;

/// <summary>
/// A run reached a size the engine cannot represent or follow (more patients on treatment in one iteration than it
/// follows one by one, or a money amount beyond exact whole cents). Thrown instead of clamping, wrapping or crashing;
/// the message names the limit and what to change. Validation refuses scenarios that plausibly reach these limits, so
/// this is met only in the far tail of a wide distribution.
/// </summary>
public sealed class SimulationLimitException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public SimulationLimitException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with no message (for serializers; prefer the message constructor).</summary>
    public SimulationLimitException() : base("the simulation reached a size limit of the engine")
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public SimulationLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
