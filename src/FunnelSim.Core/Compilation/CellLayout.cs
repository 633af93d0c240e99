namespace FunnelSim.Compilation;

/// <summary>
/// Where every count cell of a model lives in the per-iteration value buffer — the one owner of this arithmetic; the
/// engine, the summaries and the analyses ask it. Groups (the indications in order, then the total) are blocks of years;
/// a year is a block of the group's metrics in report order. An indication's metrics are <c>incident</c>, its pre-test
/// steps, the testing block (<see cref="LaterLine"/> … <see cref="IdentifiedByReflex"/>), its post-detection steps, and the
/// treatment block (<see cref="TreatedNew"/> … <see cref="Doses"/>).
/// </summary>
internal sealed class CellLayout
{
    /// <summary>Offsets inside an indication's testing block, which follows the pre-test steps.</summary>
    public const int LaterLine = 0, FusionPositive = 1, Tested = 2, TruePositive = 3, FalsePositive = 4, FalseNegative = 5,
        UntestedFusionPositive = 6, Identified = 7, ReflexTested = 8, IdentifiedByReflex = 9, TestingBlock = 10;

    /// <summary>Offsets inside an indication's treatment block, which follows the post-detection steps.</summary>
    public const int TreatedNew = 0, TreatedNewTruePositive = 1, TreatedNewFalsePositive = 2, OnTreatment = 3, Doses = 4,
        TreatmentBlock = 5;

    private readonly int[] _groupOffsets;
    private readonly int[] _metricCounts;

    /// <param name="metricCounts">Metrics of each group: the indications', then the total's.</param>
    /// <param name="years">Years of the horizon.</param>
    public CellLayout(int[] metricCounts, int years)
    {
        _metricCounts = metricCounts;
        Years = years;
        _groupOffsets = new int[metricCounts.Length + 1];
        for (int g = 0; g < metricCounts.Length; g++) _groupOffsets[g + 1] = _groupOffsets[g] + years * metricCounts[g];
    }

    public int Years { get; }

    /// <summary>The total's group index (after the indications).</summary>
    public int TotalGroup => _metricCounts.Length - 1;

    public int CellCount => _groupOffsets[^1];

    /// <summary>Start of each group's cells; the last entry is the cell count.</summary>
    public int[] GroupOffsets => _groupOffsets;

    public int MetricCount(int group) => _metricCounts[group];

    /// <summary>The first cell of a group.</summary>
    public int GroupStart(int group) => _groupOffsets[group];

    /// <summary>The first cell of a group's year (its first metric).</summary>
    public int YearStart(int group, int year) => _groupOffsets[group] + year * _metricCounts[group];

    /// <summary>The cell of a group, year index and metric index.</summary>
    public int Cell(int group, int year, int metric) => YearStart(group, year) + metric;

    /// <summary>An indication's metric index of its pre-test step <paramref name="step"/>.</summary>
    public static int PreTestStep(int step) => 1 + step;

    /// <summary>An indication's metric index of its testing block's start (<c>laterLine</c>).</summary>
    public static int TestingStart(CompiledIndication indication) => 1 + indication.PreTestSteps.Length;

    /// <summary>An indication's metric index of its post-detection step <paramref name="step"/>.</summary>
    public static int PostDetectionStep(CompiledIndication indication, int step) => TestingStart(indication) + TestingBlock + step;

    /// <summary>An indication's metric index of its treatment block's start (<c>treatedNew</c>).</summary>
    public static int TreatmentStart(CompiledIndication indication) =>
        TestingStart(indication) + TestingBlock + indication.PostDetectionSteps.Length;
}
