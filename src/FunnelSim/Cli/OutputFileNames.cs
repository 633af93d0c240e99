using System.Text;

namespace FunnelSim.Cli;

/// <summary>
/// Output file names derived from scenario file names. Only letters, digits, '.', '-' and '_' survive, no name
/// starts with a dot, and the final path is checked to lie inside the output folder, so no name escapes it.
/// </summary>
internal sealed class OutputFileNames(string outputFolder)
{
    private const int MaxStemLength = 100;
    // Normalised: "out/", "./" and "out//" name the same folder as "out" (tab completion adds the slash).
    private readonly string _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string For(string scenarioPath, string suffix)
    {
        string stem = Sanitize(Path.GetFileNameWithoutExtension(scenarioPath));
        string name = stem + suffix;
        for (int n = 2; !_taken.Add(name); n++) name = $"{stem}-{n}{suffix}";
        string path = Path.GetFullPath(Path.Combine(_folder, name));
        string inside = Path.EndsInDirectorySeparator(_folder) ? _folder : _folder + Path.DirectorySeparatorChar;
        if (!path.StartsWith(inside, StringComparison.Ordinal))
            throw new InvalidOperationException($"output name '{name}' would leave the output folder");
        return path;
    }

    internal static string Sanitize(string raw)
    {
        var clean = new StringBuilder(raw.Length);
        foreach (char c in raw)
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        string stem = clean.ToString().TrimStart('.', '-');
        if (stem.Length > MaxStemLength) stem = stem[..MaxStemLength];
        return stem.Length == 0 ? "scenario" : stem;
    }
}
