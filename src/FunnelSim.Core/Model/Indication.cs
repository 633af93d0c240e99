using System.Collections.Immutable;

namespace FunnelSim.Model;

/// <summary>One approved indication and its patient funnel.</summary>
/// <param name="Id">Stable id (e.g. <c>nsclc</c>); names results and random streams.</param>
/// <param name="Name">Optional human name.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="Incidence">Expected incident cases per year at the start year (national).</param>
/// <param name="AnnualGrowth">Growth rate of incidence per year; enters as <c>(1 + g)^t</c>.</param>
/// <param name="PreTestSteps">Conditional probabilities from diagnosis to the later-line population.</param>
/// <param name="Prevalence">Share of later-line patients carrying an NRG1 fusion.</param>
/// <param name="Testing">Testing uptake and modalities.</param>
/// <param name="PostDetectionSteps">Conditional probabilities from identification to treatment.</param>
/// <param name="Treatment">Time on treatment and dosing interval.</param>
public sealed record Indication(
    string Id,
    string? Name,
    string? Description,
    Parameter Incidence,
    Parameter AnnualGrowth,
    ImmutableArray<Step> PreTestSteps,
    Parameter Prevalence,
    Testing Testing,
    ImmutableArray<Step> PostDetectionSteps,
    Treatment Treatment);
