namespace FunnelSim.Cluster;

/// <summary>No worker answered, or a shard failed on every attempt: the run cannot complete.</summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Without a message.</summary>
    public ClusterUnavailableException() { }

    /// <summary>With <paramref name="message"/>.</summary>
    public ClusterUnavailableException(string message) : base(message) { }

    /// <summary>With <paramref name="message"/> and its cause.</summary>
    public ClusterUnavailableException(string message, Exception inner) : base(message, inner) { }
}
