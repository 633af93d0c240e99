namespace FunnelSim.Json;

/// <summary>"Did you mean …" for misspelt property names and keywords.</summary>
public static class NameSuggestions
{
    private const int MaxDistance = 2;

    /// <summary>
    /// <c>unknown property 'prevalance'; did you mean 'prevalence'?</c>, or the allowed names when none is close.
    /// </summary>
    public static string Unknown(string what, string name, IReadOnlyCollection<string> allowed) =>
        Closest(name, allowed) is { } suggestion
            ? $"unknown {what} '{name}'; did you mean '{suggestion}'?"
            : $"unknown {what} '{name}'; allowed: {string.Join(", ", allowed)}";

    /// <summary>The candidate equal to <paramref name="name"/> ignoring case, else the nearest within distance 2.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = MaxDistance + 1;
        foreach (string candidate in candidates)
        {
            int distance = string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment: adjacent transpositions count as one edit).</summary>
    public static int Distance(string a, string b)
    {
        // Names longer than this are not typos of ours; skip the quadratic table.
        if (Math.Abs(a.Length - b.Length) > MaxDistance || a.Length > 256) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
