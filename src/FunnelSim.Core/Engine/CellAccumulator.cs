namespace FunnelSim.Engine;

/// <summary>
/// Streaming summary of one integer metric (one indication × year × metric): exact sum, exact sum of squares and
/// an exact histogram. Integer arithmetic makes merging exact in any order.
/// </summary>
internal sealed class CellAccumulator
{
    private long _sum;
    private Int128 _sumOfSquares;

    public ExactHistogram Histogram { get; } = new();

    public long Count => Histogram.Count;
    public long Sum => _sum;
    public Int128 SumOfSquares => _sumOfSquares;

    public void Add(long value)
    {
        _sum += value;
        _sumOfSquares += (Int128)value * value;
        Histogram.Add(value);
    }

    public void Merge(CellAccumulator other)
    {
        _sum += other._sum;
        _sumOfSquares += other._sumOfSquares;
        Histogram.Merge(other.Histogram);
    }
}
