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

    /// <summary><c>Output[k]</c> is the chosen output in iteration k.</summary>
    public double[] Output { get; }

    public int Rows => Output.Length;

    public static DriversSample Collect(CompiledModel model, IReadOnlyList<DriverInput> inputs, int cell, int rows,
        ulong seed, int threads, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var columns = new double[inputs.Count][];
        for (int j = 0; j < columns.Length; j++) columns[j] = new double[rows];
        var output = new double[rows];
        int blocks = (rows + Simulator.BlockSize - 1) / Simulator.BlockSize;
        long nextBlock = -1, done = 0;

        void Work()
        {
            var runner = new IterationRunner(model, seed);
            long block;
            while ((block = Interlocked.Increment(ref nextBlock)) < blocks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = (int)block * Simulator.BlockSize;
                int end = Math.Min(first + Simulator.BlockSize, rows);
                for (int k = first; k < end; k++)
                {
                    runner.Simulate(k);
                    var starts = runner.DrawnParameters;
                    var targets = runner.DrawnRampTargets;
                    for (int j = 0; j < columns.Length; j++)
                    {
                        var input = inputs[j];
                        columns[j][k] = input.IsRampTarget ? targets[input.ParameterIndex] : starts[input.ParameterIndex];
                    }
                    output[k] = runner.CellValues[cell];
                }
                progress?.Report(new RunProgress(Interlocked.Add(ref done, end - first), rows));
            }
        }

        int workers = Math.Max(1, Math.Min(threads, blocks));
        if (workers == 1)
        {
            Work();
        }
        else
        {
            var tasks = Enumerable.Range(0, workers)
                .Select(_ => Task.Factory.StartNew(Work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            try
            {
                Task.WaitAll(tasks);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new DriversSample(columns, output);
    }
}
