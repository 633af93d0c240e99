using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace FunnelSim.Analysis;

/// <summary>
/// A gradient-boosted tree model (ML.NET FastTree) of the output on the drawn inputs, fitted on the first draws and
/// judged on the held-out last ones; the importance of an input is half of how much the held-out R² drops when that
/// input's column is shuffled (permutation feature importance on a variance-share scale). Trees see non-linear effects and interactions that rank
/// correlation and linear regression miss; the held-out R² says whether to trust them.
/// </summary>
internal static class TreeSurrogate
{
    /// <summary>Seed of the ML context: the split is fixed (first rows train, last rows test), so the whole fit is repeatable.</summary>
    public const int Seed = 20261125;

    /// <summary>Name of the model, as reports show it.</summary>
    public const string ModelName = "FastTree (ML.NET gradient-boosted trees)";

    private const int Permutations = 3;

    public static (SurrogateFit Fit, double[] Importance) Fit(double[][] inputs, double[] output, double testShare,
        CancellationToken cancellationToken)
    {
        int rows = output.Length, features = inputs.Length;
        int test = Math.Clamp((int)Math.Round(rows * testShare), 1, rows - 1);
        int train = rows - test;
        var ml = new MLContext(seed: Seed);

        var schema = SchemaDefinition.Create(typeof(SurrogateRow));
        schema[nameof(SurrogateRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var trainData = ml.Data.LoadFromEnumerable(Rows(inputs, output, 0, train), schema);
        var testData = ml.Data.LoadFromEnumerable(Rows(inputs, output, train, rows), schema);

        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(SurrogateRow.Label),
            FeatureColumnName = nameof(SurrogateRow.Features),
            // One thread: tree building then adds its histograms in one order, so the model is the same on every machine.
            NumberOfThreads = 1,
            NumberOfTrees = 100,
            NumberOfLeaves = 20,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.2,
        });
        // ML.NET takes no token: the fit (seconds on a large sample) runs so that Ctrl+C returns at once (issue 12, item 10).
        var (metrics, permutation) = Interruptible.Run(() =>
        {
            var model = trainer.Fit(trainData);
            var metrics = ml.Regression.Evaluate(model.Transform(testData), nameof(SurrogateRow.Label));
            var permutation = ml.Regression.PermutationFeatureImportance(model, testData, nameof(SurrogateRow.Label),
                permutationCount: Permutations);
            return (metrics, permutation);
        }, cancellationToken, () => CancelExecution(ml));

        var importance = new double[features];
        // Shuffling an input adds twice its effect's variance to the error: half the drop is its variance share.
        for (int j = 0; j < features; j++) importance[j] = -permutation[j].RSquared.Mean / 2;
        return (new SurrogateFit(ModelName, train, test, metrics.RSquared, Seed), importance);
    }

    // MLContext can stop a running fit (its trainers check the flag between trees), but the method is public only through
    // the Microsoft.ML.Experimental package; where it is absent the fit simply runs on, unobserved.
    private static void CancelExecution(MLContext ml)
    {
        try
        {
            typeof(MLContext).GetMethod("CancelExecution", System.Reflection.BindingFlags.Instance |
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, [])?.Invoke(ml, null);
        }
        catch (Exception e) when (e is System.Reflection.TargetInvocationException or MemberAccessException or InvalidOperationException)
        {
        }
    }

    private static List<SurrogateRow> Rows(double[][] inputs, double[] output, int from, int to)
    {
        var rows = new List<SurrogateRow>(to - from);
        for (int k = from; k < to; k++)
        {
            var features = new float[inputs.Length];
            for (int j = 0; j < features.Length; j++) features[j] = (float)inputs[j][k];
            rows.Add(new SurrogateRow { Label = (float)output[k], Features = features });
        }
        return rows;
    }
}
