using System.Text;
using System.Text.RegularExpressions;
using FunnelSim.Cli;

namespace FunnelSim.Tests;

/// <summary>
/// Every example command in README.md, docs/*.md and scenarios/README.md runs: each <c>funnelsim …</c> line of a
/// fenced shell block (or a plain block) is run in-process on a copy of <c>scenarios/</c>, with few iterations, and must
/// exit 0 — or non-zero where the output shown says <c>error:</c>. Where the text shows the output (a plain block right
/// after the command's block, or the lines after a <c>$ funnelsim …</c> line), the first and last lines shown must
/// appear in the real output with numbers masked: the shape stays true even when the numbers move with the iterations.
/// Lines with placeholders (<c>[SCENARIO]</c>, <c>A|B</c>, <c>FILE…</c>) are synopses, not examples; <c>ui</c> is interactive.
/// </summary>
public sealed partial class DocumentationExamplesTests : IDisposable
{
    private const int Iterations = 1_000;

    private static readonly string[] RunsScenarios = ["run", "budget", "compare", "drivers", "tornado", "batch", "report", "calibrate"];
    private static readonly string[] PathOptions = ["--out", "-o", "--out-dir", "-d", "--png", "--draws"];

    private readonly string _work = Directory.CreateTempSubdirectory("funnelsim-docs-").FullName;

    public DocumentationExamplesTests() => CopyFolder(Path.Combine(CliHarness.RepositoryRoot, "scenarios"), Path.Combine(_work, "scenarios"));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public sealed record Example(string File, int Line, string Command, string[] Shown)
    {
        public override string ToString() => $"{File}:{Line}: {Command}";
    }

    public static TheoryData<Example> Examples()
    {
        var data = new TheoryData<Example>();
        foreach (var example in FindExamples()) data.Add(example);
        return data;
    }

    [Fact]
    public void TheDocumentationHasExamplesToRun()
    {
        var examples = FindExamples().ToList();
        Assert.True(examples.Count >= 15, $"only {examples.Count} examples found");
        Assert.Contains(examples, e => e.File == "README.md" && e.Command.StartsWith("funnelsim compare", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.File == "README.md" && e.Shown.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleRunsAndItsOutputHasTheShapeShown(Example example)
    {
        // A line `funnelsim A && funnelsim B` runs in order in the same folder; the output shown is the last one's.
        string[] args = [];
        CliHarness.Outcome outcome = new(0, "", "");
        foreach (string command in example.Command.Split("&&", StringSplitOptions.TrimEntries))
        {
            args = Arguments(command);
            outcome = CliHarness.Run(args);
            if (outcome.ExitCode != 0) break;
        }
        string all = (outcome.Out + "\n" + outcome.Error).Replace(_work + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        bool errorShown = example.Shown.Any(l => l.Contains("error:", StringComparison.Ordinal));

        if (errorShown) Assert.True(outcome.ExitCode != 0, $"{example}: expected an error, got exit 0\n{all}");
        else Assert.True(outcome.ExitCode == 0, $"{example}\nran: funnelsim {string.Join(' ', args)}\nexit {outcome.ExitCode}\n{all}");

        var shown = example.Shown.Where(l => l.Trim().Length > 0 && l.Trim() != "…").ToList();
        if (shown.Count == 0) return;
        string actual = string.Join('\n', all.Split('\n').Select(Skeleton));
        foreach (string line in new[] { shown[0], shown[^1] })
            Assert.True(actual.Contains(Skeleton(line), StringComparison.Ordinal),
                $"{example}: the documented line\n  {line}\nhas no counterpart (numbers masked: '{Skeleton(line)}') in the output:\n{all}");
    }

    /// <summary>The words and punctuation of a line, every number (with its sign, currency, separators, %) as '#'.</summary>
    private static string Skeleton(string line) =>
        Whitespace().Replace(Number().Replace(line, "#"), " ").Trim();

    private string[] Arguments(string command)
    {
        var words = ShellWords(command).Skip(1).ToList();
        var args = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            string? previous = i > 0 ? words[i - 1] : null;
            if (word is "--iterations" or "-n")
            {
                i++; // replaced by the short run below
                continue;
            }
            // batch's --draws is a name pattern for files in its --out-dir, not a path.
            bool pattern = previous == "--draws" && words[0] == "batch";
            // calibrate's --draws is a number of posterior draws; elsewhere --draws names a file.
            bool isPath = !pattern && (previous is not null && PathOptions.Contains(previous) && word != "-"
                                       && !(previous == "--draws" && words[0] == "calibrate")
                          || previous != "--set" && !word.StartsWith('-')
                             && (word.Contains('/', StringComparison.Ordinal) || Regex.IsMatch(word, @"\.(json|csv|html|xlsx|parquet)$")));
            string resolved = isPath && !Path.IsPathRooted(word) ? Path.Combine(_work, word) : word;
            if (isPath && resolved.Contains('*', StringComparison.Ordinal))
            {
                // A shell would expand the glob (in any segment): do the same in the copy of the repository.
                args.AddRange(Expand(resolved).Order(StringComparer.Ordinal));
                continue;
            }
            args.Add(resolved);
        }
        if (args.Count > 0 && RunsScenarios.Contains(args[0]) && !args.Any(a => a.EndsWith(".results.json", StringComparison.Ordinal)))
        {
            if (args.Contains("--precision")) args.AddRange(["--max-iterations", "20000"]);
            else args.AddRange(["--iterations", Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        return [.. args];
    }

    private static IEnumerable<Example> FindExamples()
    {
        string root = CliHarness.RepositoryRoot;
        var files = new[] { "README.md", Path.Combine("scenarios", "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            var blocks = Blocks(File.ReadAllLines(Path.Combine(root, file)));
            for (int b = 0; b < blocks.Count; b++)
            {
                var block = blocks[b];
                if (block.Language is not ("" or "sh" or "bash" or "shell" or "console")) continue;
                var lines = Joined(block.Lines);
                bool transcript = lines.Any(l => l.Text.StartsWith("$ ", StringComparison.Ordinal));
                var commands = new List<(int Line, string Command)>();
                for (int k = 0; k < lines.Count; k++)
                {
                    string text = lines[k].Text;
                    if (transcript && !text.StartsWith("$ ", StringComparison.Ordinal)) continue;
                    text = StripComment(text.StartsWith("$ ", StringComparison.Ordinal) ? text[2..] : text).Trim();
                    if (!text.StartsWith("funnelsim", StringComparison.Ordinal)) continue;
                    if (!text.Split("&&", StringSplitOptions.TrimEntries).All(IsExample)) continue;
                    string[] shown = transcript
                        ? [.. lines.Skip(k + 1).TakeWhile(l => !l.Text.StartsWith("$ ", StringComparison.Ordinal)).Select(l => l.Text)]
                        : [];
                    commands.Add((block.Start + lines[k].Offset, text));
                    if (transcript) yield return new Example(file, block.Start + lines[k].Offset, text, shown);
                }
                if (transcript || commands.Count == 0) continue;
                // A plain block right after the command block shows the last command's output.
                string[] output = b + 1 < blocks.Count && blocks[b + 1].Language is "" or "text" && blocks[b + 1].FollowsDirectly
                    ? [.. blocks[b + 1].Lines]
                    : [];
                for (int c = 0; c < commands.Count; c++)
                    yield return new Example(file, commands[c].Line, commands[c].Command, c == commands.Count - 1 ? output : []);
            }
        }
    }

    private static bool IsExample(string command)
    {
        var words = ShellWords(command).ToList();
        if (words.Count < 2 || words[0] != "funnelsim") return false; // bare `funnelsim` opens the UI
        if (words[1] == "ui") return false;
        // A worker runs until stopped, and --cluster needs running workers: tests/FunnelSim.Tests/ClusterCommandTests covers them.
        if (words[1] == "worker" || words.Contains("--cluster")) return false;
        // A job script's template (shell variables such as ${SLURM_ARRAY_TASK_ID}) is not a command to run as it stands.
        if (command.Contains('$', StringComparison.Ordinal)) return false;
        // Synopses: optional parts in brackets, alternatives, placeholders in capitals, an ellipsis.
        return !words.Skip(1).Any(w => w.StartsWith('[') || w.Contains('|', StringComparison.Ordinal) || w.Contains('…', StringComparison.Ordinal)
                                       || Regex.IsMatch(w, @"^[A-Z][A-Z_]*([.…]|$)") || Regex.IsMatch(w, @"^[A-Z]\.json$"));
    }

    private sealed record Block(string Language, int Start, List<string> Lines, bool FollowsDirectly);

    private static List<Block> Blocks(string[] text)
    {
        var blocks = new List<Block>();
        int lastEnd = -10;
        for (int i = 0; i < text.Length; i++)
        {
            var fence = Fence().Match(text[i]);
            if (!fence.Success) continue;
            string indent = fence.Groups[1].Value;
            var lines = new List<string>();
            int start = i + 2; // 1-based line of the block's first content line
            int j = i + 1;
            for (; j < text.Length && !text[j].TrimStart().StartsWith("```", StringComparison.Ordinal); j++)
                lines.Add(text[j].StartsWith(indent, StringComparison.Ordinal) ? text[j][indent.Length..] : text[j].TrimStart());
            bool directly = text.Skip(lastEnd + 1).Take(i - lastEnd - 1).All(l => l.Trim().Length == 0);
            blocks.Add(new Block(fence.Groups[2].Value.Trim(), start, lines, directly));
            lastEnd = j;
            i = j;
        }
        return blocks;
    }

    private static List<(string Text, int Offset)> Joined(List<string> lines)
    {
        var joined = new List<(string, int)>();
        for (int i = 0; i < lines.Count; i++)
        {
            int offset = i;
            var text = new StringBuilder(lines[i]);
            while (text.ToString().TrimEnd().EndsWith('\\') && i + 1 < lines.Count)
            {
                string current = text.ToString().TrimEnd();
                text.Clear().Append(current[..^1]).Append(' ').Append(lines[++i].Trim());
            }
            joined.Add((text.ToString(), offset));
        }
        return joined;
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    private static IEnumerable<string> ShellWords(string command)
    {
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; inWord = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) yield return word.ToString();
                word.Clear();
                inWord = false;
            }
            else { word.Append(c); inWord = true; }
        }
        if (inWord) yield return word.ToString();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>The files a shell's glob names (<c>*</c> in the file name or in directory names).</summary>
    private static IEnumerable<string> Expand(string pattern)
    {
        string directory = Path.GetDirectoryName(pattern)!;
        var directories = directory.Contains('*', StringComparison.Ordinal)
            ? Directory.GetDirectories(Path.GetDirectoryName(directory)!, Path.GetFileName(directory))
            : [directory];
        return directories.SelectMany(d => Directory.GetFiles(d, Path.GetFileName(pattern)));
    }

    [GeneratedRegex(@"^(\s*)```(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"[-+−]?\$?\d[\d,._]*(?:e[-+]?\d+)?%?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
