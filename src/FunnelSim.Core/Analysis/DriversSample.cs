using FunnelSim.Compilation;
using FunnelSim.Engine;

namespace FunnelSim.Analysis;

/// <summary>
/// The draws of one probabilistic run kept row by row: each uncertain input and the chosen output, for iterations
/// 0 … n − 1. Row k depends only on (seed, k) and is written at index k, so the sample is the same for any thread count.
/// </summary>
internal sealed class DriversSample
{
    private DriversSample(double[][] inputs, double[] output)
    {
        Inputs = inputs;
        Output = output;
    }

    /// <summary>Column-major draws: <c>Inputs[j][k]</c> is input j in iteration k.</summary>
    public double[][] Inputs { get; }

    /// <summary><c>Output[k]</c> is the chosen output in iteration k, in the unit the results report (currency units for
    /// money); NaN where it has no value (see <see cref="MoneyAccumulators.Undefined"/>).</summary>
    public double[] Output { get; }

    public int Rows => Output.Length;

    /// <summary>The rows in which the output has a value, in iteration order (this sample itself when every row has one).</summary>
    public DriversSample Defined()
    {
        int[] keep = [.. Enumerable.Range(0, Rows).Where(k => !double.IsNaN(Output[k]))];
        if (keep.Length == Rows) return this;
        return new DriversSample([.. Inputs.Select(column => keep.Select(k => column[k]).ToArray())],
            [.. keep.Select(k => Output[k])]);
    }

    /// <summary>Collects <paramref name="rows"/> draws; also returns the number of workers that ran.</summary>
    public static (DriversSample Sample, int Workers) Collect(CompiledModel model, IReadOnlyList<DriverInput> inputs, OutputCell cell,
        int rows, ulong seed, int threads, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var columns = new double[inputs.Count][];
        for (int j = 0; j < columns.Length; j++) columns[j] = new double[rows];
        var output = new double[rows];

        void Run(IterationRunner runner, long first, long count)
        {
            for (long k = first; k < first + count; k++)
            {
                runner.Simulate(k);
                var starts = runner.DrawnParameters;
                var targets = runner.DrawnRampTargets;
                for (int j = 0; j < columns.Length; j++)
                {
                    var input = inputs[j];
                    columns[j][k] = input.IsRampTarget ? targets[input.ParameterIndex] : starts[input.ParameterIndex];
                }
                long value = cell.Read(runner);
                output[k] = value == MoneyAccumulators.Undefined ? double.NaN : value / cell.Divisor;
            }
        }

        var workers = BlockScheduler.Run(rows, threads, () => new IterationRunner(model, seed), Run, progress, cancellationToken);
        return (new DriversSample(columns, output), workers.Length);
    }
}
