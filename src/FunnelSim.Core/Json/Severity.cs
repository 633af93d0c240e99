namespace FunnelSim.Json;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>Legal but unusual: reported, never blocks a run.</summary>
    Warning,
    /// <summary>The scenario cannot be run.</summary>
    Error,
}
