using MathNet.Numerics.LinearAlgebra;

namespace FunnelSim.Analysis;

/// <summary>
/// Standardized regression coefficients: ordinary least squares of the standardized output on the standardized
/// inputs. A coefficient is the change in the output, in its standard deviations, per standard deviation of the
/// input with the others held fixed; R² says how much of the output's variance a linear model explains.
/// </summary>
internal static class StandardizedRegression
{
    public static (double[] Coefficients, double RSquared) Fit(double[][] inputs, double[] output)
    {
        int p = inputs.Length;
        if (p == 0) return ([], 0);
        var y = Vector<double>.Build.DenseOfArray(Standardize(output));
        var x = Matrix<double>.Build.DenseOfColumnArrays(inputs.Select(Standardize));
        // QR is stable and exact enough here; inputs come from independent streams, so the design has full rank.
        var beta = x.QR().Solve(y);
        var residual = y - x * beta;
        double total = y.DotProduct(y);
        double rSquared = total > 0 ? 1 - residual.DotProduct(residual) / total : 0;
        return (beta.ToArray(), rSquared);
    }

    /// <summary>
    /// R² on the last <paramref name="test"/> rows of an ordinary least-squares fit (with intercept) on the rows before
    /// them: the linear baseline the tree surrogate is judged next to.
    /// </summary>
    public static double HeldOutRSquared(double[][] inputs, double[] output, int test)
    {
        int rows = output.Length, train = rows - test, p = inputs.Length;
        if (train <= p + 1 || test < 2) return double.NaN;
        var x = Matrix<double>.Build.Dense(train, p + 1, (i, j) => j == 0 ? 1 : inputs[j - 1][i]);
        var y = Vector<double>.Build.Dense(train, i => output[i]);
        var beta = x.QR().Solve(y);
        double mean = 0;
        for (int k = train; k < rows; k++) mean += output[k];
        mean /= test;
        double residual = 0, total = 0;
        for (int k = train; k < rows; k++)
        {
            double predicted = beta[0];
            for (int j = 0; j < p; j++) predicted += beta[j + 1] * inputs[j][k];
            residual += (output[k] - predicted) * (output[k] - predicted);
            total += (output[k] - mean) * (output[k] - mean);
        }
        return total > 0 ? 1 - residual / total : double.NaN;
    }

    private static double[] Standardize(double[] values)
    {
        double mean = values.Average();
        double ss = 0;
        foreach (double v in values) ss += (v - mean) * (v - mean);
        double sd = Math.Sqrt(ss / Math.Max(1, values.Length - 1));
        var z = new double[values.Length];
        for (int i = 0; i < z.Length; i++) z[i] = sd > 0 ? (values[i] - mean) / sd : 0;
        return z;
    }
}
