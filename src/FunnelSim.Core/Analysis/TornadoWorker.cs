using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// One worker of a tornado. It evaluates the output with every input at its base, or one input at its low and its high
/// end, each iteration with its own random streams (common random numbers across evaluations), and keeps exact integer
/// sums (of counts, or of cents for money) so workers merge to the same bits for any thread count. An iteration in which
/// the output has no value (<see cref="MoneyAccumulators.Undefined"/>, e.g. a per-treated amount with nobody treated) is
/// left out of that evaluation, and of the paired difference. Allocation-free once built.
/// </summary>
internal sealed class TornadoWorker
{
    private readonly IterationRunner _runner;
    private readonly double[] _start;
    private readonly double[] _target;
    private readonly TornadoInput[] _inputs;
    private readonly OutputCell _cell;

    public TornadoWorker(CompiledModel model, ulong seed, ParameterOverrides means, TornadoInput[] inputs, OutputCell cell)
    {
        _runner = new IterationRunner(model, seed);
        _start = (double[])means.Start.Clone();
        _target = (double[])means.Target.Clone();
        _runner.UseOverrides(_start, _target, fixesAll: true);
        _inputs = inputs;
        _cell = cell;
        Counts = new long[1 + 2 * inputs.Length];
        Sums = new Int128[Counts.Length];
        Squares = new Int128[Counts.Length];
        DifferenceCounts = new long[inputs.Length];
        DifferenceSums = new Int128[inputs.Length];
        DifferenceSquares = new Int128[inputs.Length];
    }

    /// <summary>Iterations with a value per evaluation: [0] all at means, [1 + 2i] input i low, [2 + 2i] input i high.</summary>
    public long[] Counts { get; }
    /// <summary>Sum of the raw output per evaluation, indexed as <see cref="Counts"/>.</summary>
    public Int128[] Sums { get; }
    /// <summary>Sums of squares, indexed as <see cref="Counts"/>.</summary>
    public Int128[] Squares { get; }
    /// <summary>Per input, the iterations in which both ends have a value.</summary>
    public long[] DifferenceCounts { get; }
    /// <summary>Per input, the sum of (output at high − output at low) over those iterations.</summary>
    public Int128[] DifferenceSums { get; }
    /// <summary>Per input, the sum of squared differences.</summary>
    public Int128[] DifferenceSquares { get; }

    /// <summary>Evaluates one piece of work: <paramref name="evaluation"/> 0 is every input at its base; 1 + i is
    /// input i at its low and its high end, paired iteration by iteration.</summary>
    public void Run(int evaluation, long first, long count)
    {
        if (evaluation == 0)
        {
            for (long k = first; k < first + count; k++) Add(0, Evaluate(k));
            return;
        }
        int i = evaluation - 1;
        var input = _inputs[i];
        double[] values = input.IsRampTarget ? _target : _start;
        for (long k = first; k < first + count; k++)
        {
            values[input.ParameterIndex] = input.Low;
            long low = Evaluate(k);
            values[input.ParameterIndex] = input.High;
            long high = Evaluate(k);
            Add(1 + 2 * i, low);
            Add(2 + 2 * i, high);
            if (low == MoneyAccumulators.Undefined || high == MoneyAccumulators.Undefined) continue;
            long difference = high - low;
            DifferenceCounts[i]++;
            DifferenceSums[i] += difference;
            DifferenceSquares[i] += Math.BigMul(difference, difference);
        }
        values[input.ParameterIndex] = input.Base;
    }

    public void Merge(TornadoWorker other)
    {
        for (int e = 0; e < Sums.Length; e++)
        {
            Counts[e] += other.Counts[e];
            Sums[e] += other.Sums[e];
            Squares[e] += other.Squares[e];
        }
        for (int i = 0; i < DifferenceSums.Length; i++)
        {
            DifferenceCounts[i] += other.DifferenceCounts[i];
            DifferenceSums[i] += other.DifferenceSums[i];
            DifferenceSquares[i] += other.DifferenceSquares[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Evaluate(long iteration)
    {
        _runner.Simulate(iteration);
        return _cell.Read(_runner);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int evaluation, long value)
    {
        if (value == MoneyAccumulators.Undefined) return;
        Counts[evaluation]++;
        Sums[evaluation] += value;
        Squares[evaluation] += Math.BigMul(value, value);
    }
}
