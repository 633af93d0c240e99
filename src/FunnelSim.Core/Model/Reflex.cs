namespace FunnelSim.Model;

/// <summary>
/// A reflex test: a patient whose first test (in the modality that names it) is negative, truly or falsely, gets a
/// second test in another modality of the same indication, with probability <paramref name="Probability"/>, at that
/// modality's sensitivity and specificity and independently of the first result given fusion status. One level only:
/// the reflex modality has no reflex of its own.
/// </summary>
/// <param name="Modality">Id of the reflex modality (another modality of the same indication; its share may be 0).</param>
/// <param name="Probability">Probability that a patient with a negative first test gets the reflex test (may ramp).</param>
public sealed record Reflex(string Modality, Parameter Probability);
