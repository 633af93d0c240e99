namespace FunnelSim.Ui.Editing;

/// <summary>What an outline node stands for, which decides its editor and the list actions it allows.</summary>
public enum OutlineKind
{
    /// <summary>Name, start year, horizon, iterations, seed.</summary>
    Settings,
    /// <summary>National or health plan.</summary>
    Population,
    /// <summary>One indication: id and name.</summary>
    Indication,
    /// <summary>An uncertain number (incidence, prevalence, uptake, …).</summary>
    Parameter,
    /// <summary>The pre-test or post-detection step list of an indication.</summary>
    StepList,
    /// <summary>A funnel step and its probability.</summary>
    Step,
    /// <summary>Testing: uptake and modalities.</summary>
    Testing,
    /// <summary>The modality list of an indication.</summary>
    ModalityList,
    /// <summary>A test method: id, name, share.</summary>
    Modality,
    /// <summary>Time on treatment and dose interval.</summary>
    Treatment,
}
