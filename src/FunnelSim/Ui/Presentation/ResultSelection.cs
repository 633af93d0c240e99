using FunnelSim.Results;

namespace FunnelSim.Ui.Presentation;

/// <summary>Which indication (or the total) and which year the result pages show; shared by all pages.</summary>
public sealed class ResultSelection
{
    /// <summary>The id of the total over indications.</summary>
    public const string Total = "total";

    /// <summary>Raised when the indication or year changes.</summary>
    public event EventHandler? Changed;

    /// <summary>Selected indication id, or <see cref="Total"/>.</summary>
    public string Indication { get; private set; } = "";

    /// <summary>Selected year index (0 = start year).</summary>
    public int YearIndex { get; private set; }

    /// <summary>The groups a result offers: its indications, then the total.</summary>
    public static IReadOnlyList<string> Groups(SimulationResult result) => [.. result.Indications.Select(i => i.Id), Total];

    /// <summary>Keeps the selection valid for <paramref name="result"/> (first indication, first year by default).</summary>
    public void Fit(SimulationResult result)
    {
        var groups = Groups(result);
        if (!groups.Contains(Indication)) Indication = groups[0];
        YearIndex = Math.Clamp(YearIndex, 0, result.Total.Years.Count - 1);
    }

    /// <summary>Moves to the next (or previous) indication, wrapping.</summary>
    public void NextIndication(SimulationResult result, int step = 1)
    {
        var groups = Groups(result);
        int at = Math.Max(0, groups.ToList().IndexOf(Indication));
        Indication = groups[((at + step) % groups.Count + groups.Count) % groups.Count];
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Moves to the next (or previous) year, wrapping.</summary>
    public void NextYear(SimulationResult result, int step = 1)
    {
        int years = result.Total.Years.Count;
        YearIndex = ((YearIndex + step) % years + years) % years;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Selects an indication by id.</summary>
    public void Select(string indication, int yearIndex)
    {
        Indication = indication;
        YearIndex = yearIndex;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>A label such as <c>PDAC 2028</c>.</summary>
    public string Describe(SimulationResult result)
    {
        Fit(result);
        string name = Indication == Total ? "All indications" : Indication.ToUpperInvariant();
        return $"{name}, {result.Total.Years[YearIndex].Year}";
    }
}
