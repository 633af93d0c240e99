namespace FunnelSim.Tests.Shared;

/// <summary>
/// A small scenario and observed counts whose calibration takes seconds, with an on-treatment count so the simulated
/// (approximate Bayesian computation) likelihood is used. Shared by the cluster tests and the command-line tests
/// (linked into both projects).
/// </summary>
internal static class SmallCalibration
{
    public const string ScenarioJson = """
        {
          "schemaVersion": 1,
          "name": "small calibration",
          "startYear": 2026,
          "years": 2,
          "population": { "scale": "national" },
          "simulation": { "iterations": 1000, "seed": 7, "sampling": "monte-carlo" },
          "indications": [
            {
              "id": "a",
              "incidence": { "value": 400, "low": 250, "high": 600 },
              "annualGrowth": 0,
              "preTestSteps": [ { "id": "advanced", "probability": 0.5 } ],
              "prevalence": { "value": 0.1, "low": 0.06, "high": 0.15 },
              "testing": { "uptake": 0.7, "modalities": [ { "id": "rna", "share": 1, "sensitivity": 0.9, "specificity": 1 } ] },
              "postDetectionSteps": [ { "id": "prescribed", "probability": { "value": 0.8, "low": 0.6, "high": 0.9 } } ],
              "treatment": { "durationMonths": { "distribution": "weibull", "median": 9, "shape": 1.2 }, "doseIntervalDays": 14 }
            }
          ]
        }
        """;

    public const string ObservedJson = """
        { "observations": [
          { "indication": "a", "year": 2026, "metric": "treatedNew", "value": 9 },
          { "indication": "a", "year": 2027, "metric": "onTreatment", "value": 17 }
        ] }
        """;
}
