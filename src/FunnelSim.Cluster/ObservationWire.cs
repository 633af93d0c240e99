using FunnelSim.Calibration;

namespace FunnelSim.Cluster;

/// <summary>An observed count as sent to a worker (<see cref="Observation"/>, which the core keeps free of Orleans).</summary>
[GenerateSerializer, Immutable]
public sealed record ObservationWire
{
    /// <summary>Indication id or <c>total</c>.</summary>
    [Id(0)] public required string Indication { get; init; }

    /// <summary>Calendar year.</summary>
    [Id(1)] public required int Year { get; init; }

    /// <summary>Metric.</summary>
    [Id(2)] public required string Metric { get; init; }

    /// <summary>Patients counted.</summary>
    [Id(3)] public required long Value { get; init; }

    /// <summary>Part of the year counted.</summary>
    [Id(4)] public required double Fraction { get; init; }

    /// <summary>Where it is in its file (for messages).</summary>
    [Id(5)] public required string Path { get; init; }

    /// <summary>The wire form of <paramref name="observation"/>.</summary>
    public static ObservationWire From(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return new()
        {
            Indication = observation.Indication, Year = observation.Year, Metric = observation.Metric, Value = observation.Value,
            Fraction = observation.Fraction, Path = observation.Path,
        };
    }

    /// <summary>The observation again.</summary>
    public Observation ToObservation() => new(Indication, Year, Metric, Value, Fraction, Path);
}
