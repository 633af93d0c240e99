using System.Collections.Immutable;
using FunnelSim.Json;

namespace FunnelSim.Sweeps;

/// <summary>The outcome of planning a sweep.</summary>
/// <param name="Plan">The plan, when the base scenario is valid and every axis names a number in it.</param>
/// <param name="BaseDiagnostics">What validating the base scenario file as written found (paths are scenario paths).</param>
/// <param name="AxisDiagnostics">Problems with the axes against the base (paths are sweep-file paths).</param>
public sealed record SweepPlanResult(SweepPlan? Plan, ImmutableArray<Diagnostic> BaseDiagnostics, ImmutableArray<Diagnostic> AxisDiagnostics);
