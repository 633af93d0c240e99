using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// Which cells of two models describe the same thing: the same indication id (or the total), the same calendar year
/// and the same metric name. Only those are compared; a metric one side lacks (a step the other does not have) has
/// no difference to report.
/// </summary>
internal sealed class ComparisonLayout
{
    private ComparisonLayout(int[] cellsA, int[] cellsB, Group[] groups)
    {
        CellsA = cellsA;
        CellsB = cellsB;
        Groups = groups;
    }

    /// <summary>Cell index in model A of each compared pair.</summary>
    public int[] CellsA { get; }

    /// <summary>Cell index in model B of each compared pair.</summary>
    public int[] CellsB { get; }

    /// <summary>The indications both models have (in A's order), then the total.</summary>
    public Group[] Groups { get; }

    public int PairCount => CellsA.Length;

    public static ComparisonLayout Create(CompiledModel a, CompiledModel b)
    {
        var cellsA = new List<int>();
        var cellsB = new List<int>();
        var groups = new List<Group>();
        int totalA = a.Indications.Length, totalB = b.Indications.Length;

        for (int ga = 0; ga < a.Indications.Length; ga++)
        {
            int gb = Array.FindIndex(b.Indications, i => i.Id == a.Indications[ga].Id);
            if (gb >= 0) groups.Add(Match(a, ga, b, gb, a.Indications[ga].Id, a.Indications[ga].Name, cellsA, cellsB));
        }
        groups.Add(Match(a, totalA, b, totalB, null, null, cellsA, cellsB));
        return new ComparisonLayout([.. cellsA], [.. cellsB], [.. groups]);
    }

    private static Group Match(CompiledModel a, int ga, CompiledModel b, int gb, string? id, string? name,
        List<int> cellsA, List<int> cellsB)
    {
        string[] metricsA = a.MetricsOf(ga), metricsB = b.MetricsOf(gb);
        var years = new List<YearPairs>();
        for (int ta = 0; ta < a.Years; ta++)
        {
            int year = a.Scenario.StartYear + ta;
            int tb = year - b.Scenario.StartYear;
            if (tb < 0 || tb >= b.Years) continue;
            var metrics = new List<(string, int)>();
            for (int ma = 0; ma < metricsA.Length; ma++)
            {
                int mb = Array.IndexOf(metricsB, metricsA[ma]);
                if (mb < 0) continue;
                metrics.Add((metricsA[ma], cellsA.Count));
                cellsA.Add(a.GroupOffsets[ga] + ta * metricsA.Length + ma);
                cellsB.Add(b.GroupOffsets[gb] + tb * metricsB.Length + mb);
            }
            years.Add(new YearPairs(year, [.. metrics]));
        }
        return new Group(id, name, [.. years]);
    }

    /// <summary>An indication (<see cref="Id"/> set) or the total (<see cref="Id"/> null).</summary>
    public sealed record Group(string? Id, string? Name, YearPairs[] Years);

    /// <summary>A calendar year's compared metrics, each with its pair index.</summary>
    public sealed record YearPairs(int Year, (string Metric, int Pair)[] Metrics);
}
