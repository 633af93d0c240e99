using System.Text.Json;

namespace FunnelSim.Cluster;

/// <summary>
/// The cluster file (docs/scale-out.md, "The cluster file"): how workers find each other and how the coordinator finds
/// them. <c>localhost</c>: workers on one machine, the first one started (on <see cref="SiloPort"/>) holding the
/// membership; <c>redis</c>: any machine that reaches the Redis server joins.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary><c>localhost</c> or <c>redis</c>.</summary>
    public string Clustering { get; init; } = Localhost;

    /// <summary>Redis connection string (e.g. <c>redis.example.com:6379,password=…</c>); <c>redis</c> only.</summary>
    public string? Redis { get; init; }

    /// <summary>Names the cluster; workers and coordinators must agree.</summary>
    public string ClusterId { get; init; } = "funnelsim";

    /// <summary>Names the service; workers and coordinators must agree.</summary>
    public string ServiceId { get; init; } = "funnelsim";

    /// <summary>
    /// Silo-to-silo port. <c>localhost</c>: the first worker's (default 11111); later workers on the machine take free
    /// ports and join it. <c>redis</c>: a free port unless given.
    /// </summary>
    public int? SiloPort { get; init; }

    /// <summary>Port coordinators connect to. <c>localhost</c>: the first worker's (default 30000). <c>redis</c>: free unless given.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Address other machines reach this worker at (<c>redis</c>; default: this machine's host name).</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>
    /// Longest one attempt at a shard may take, from the call (a worker may queue it behind the one it is running) to the
    /// answer, before it is retried elsewhere. A shard takes seconds on a quiet core; the margin is for busy machines. A
    /// worker that stops or leaves is noticed by the membership much sooner and its shards retried at once.
    /// </summary>
    public double ShardTimeoutSeconds { get; init; } = 600;

    /// <summary>Tries per shard before the run fails.</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>
    /// How long the coordinator waits for any worker to answer, when connecting and during the run, before it gives up
    /// with an error (exit 1) instead of waiting for ever.
    /// </summary>
    public double AnswerTimeoutSeconds { get; init; } = 30;

    /// <summary>Shorter failure detection (seconds, not a minute) for tests and small clusters.</summary>
    public bool FastFailureDetection { get; init; } = true;

    /// <summary>Workers on one machine.</summary>
    public const string Localhost = "localhost";

    /// <summary>Workers on any machine that reaches the Redis server.</summary>
    public const string RedisClustering = "redis";

    /// <summary>The first local worker's silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The first local worker's gateway port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Settings for workers on this machine with every default.</summary>
    public static ClusterSettings Default { get; } = new();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a cluster file; <paramref name="error"/> says what is wrong when it returns null.</summary>
    public static ClusterSettings? ReadFile(string path, out string error)
    {
        error = "";
        ClusterSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<ClusterSettings>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            error = $"cannot read cluster file '{path}': {e.Message}";
            return null;
        }
        if (settings is null)
        {
            error = $"cluster file '{path}' is empty (null)";
            return null;
        }
        string? problem = settings.Problem();
        if (problem is null) return settings;
        error = $"cluster file '{path}': {problem}";
        return null;
    }

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem()
    {
        if (Clustering is not (Localhost or RedisClustering)) return $"clustering must be \"{Localhost}\" or \"{RedisClustering}\"; got \"{Clustering}\"";
        if (Clustering == RedisClustering && string.IsNullOrWhiteSpace(Redis))
            return "clustering \"redis\" needs \"redis\": a connection string such as \"redis.example.com:6379\"";
        foreach (var (name, port) in new[] { ("siloPort", SiloPort), ("gatewayPort", GatewayPort) })
            if (port is < 1 or > 65535) return $"{name} must be from 1 to 65535; got {port}";
        if (!(ShardTimeoutSeconds > 0 && ShardTimeoutSeconds <= 86_400)) return "shardTimeoutSeconds must be above 0 and at most 86400";
        if (Attempts is < 1 or > 100) return "attempts must be from 1 to 100";
        if (!(AnswerTimeoutSeconds > 0 && AnswerTimeoutSeconds <= 86_400)) return "answerTimeoutSeconds must be above 0 and at most 86400";
        return null;
    }
}
