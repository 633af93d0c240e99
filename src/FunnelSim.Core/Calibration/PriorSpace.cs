using FunnelSim.Compilation;
using FunnelSim.Distributions;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace FunnelSim.Calibration;

/// <summary>
/// The scenario's prior as a map from independent standard normals: one latent z per uncertain quantity (a parameter's
/// start value or its ramp target), correlated through the scenario's Gaussian copula (y = L z on the correlated rows, as
/// the engine does) and sent through each marginal, x = F⁻¹(Φ(y)). A prior draw is z ~ N(0, I), so a sampler over z
/// needs no prior density but the standard normal's, correlations included. Immutable and shared.
/// </summary>
internal sealed class PriorSpace
{
    private const double Smallest = 1e-15;
    // F⁻¹(Φ(y)) tabulated on an even grid of y and interpolated linearly: some quantile functions (Beta, gamma, PERT)
    // iterate and would dominate the likelihood's cost. 2,048 points over ±7.9 (Φ(−7.9) ≈ 1.4e−15) keep the error in
    // the sixth significant figure for the shipped distributions; outside the grid the ends hold.
    private const int Points = 2048;
    private const double Edge = 7.9;

    private readonly CompiledModel _model;
    private readonly ParameterSlot[] _slots;      // the uncertain ones: latent dimension j is slot j
    private readonly int[] _copulaRow;            // per dimension: its row in the copula, or −1
    private readonly int[] _copulaDimension;      // per copula row: its dimension
    private readonly double[] _factor;            // lower-triangular, row-major
    private readonly double[] _fixedStart, _fixedTarget;
    private readonly double[][] _tables;              // per dimension: x at the grid's y

    /// <summary>The prior over the uncertain quantities of <paramref name="model"/> whose paths <paramref name="include"/>
    /// accepts (all when null); the others are held at their means.</summary>
    public PriorSpace(CompiledModel model, Func<ParameterSlot, bool>? include = null)
    {
        _model = model;
        var all = ParameterSlot.All(model.ParameterList);
        _slots = [.. all.Where(s => s.IsUncertain && (include is null || include(s)))];
        _copulaRow = Enumerable.Repeat(-1, _slots.Length).ToArray();
        var correlations = model.Scenario.Correlations;
        if (!correlations.IsDefaultOrEmpty)
        {
            var matrix = CorrelationMatrix.Build(correlations, all);
            _factor = matrix.Factor ?? throw new ArgumentException("the correlations are not positive semi-definite", nameof(model));
            _copulaDimension = new int[matrix.Slots.Length];
            for (int row = 0; row < matrix.Slots.Length; row++)
            {
                int dimension = Array.FindIndex(_slots, s => s.Path == matrix.Slots[row].Path);
                _copulaDimension[row] = dimension;
                if (dimension >= 0) _copulaRow[dimension] = row;
            }
        }
        else
        {
            _factor = [];
            _copulaDimension = [];
        }
        _tables = new double[_slots.Length][];
        Parallel.For(0, _slots.Length, j =>
        {
            var table = new double[Points];
            for (int k = 0; k < Points; k++)
                table[k] = Quantile(_slots[j].Distribution, Normal.CDF(0, 1, -Edge + 2 * Edge * k / (Points - 1)));
            _tables[j] = table;
        });
        _fixedStart = [.. model.ParameterList.Select(p => p.Start.Mean)];
        _fixedTarget = [.. model.ParameterList.Select(p => p.RampTarget?.Mean ?? p.Start.Mean)];
    }

    /// <summary>Latent dimensions: the uncertain quantities.</summary>
    public int Dimensions => _slots.Length;

    /// <summary>The uncertain quantities, in document order.</summary>
    public IReadOnlyList<ParameterSlot> Slots => _slots;

    /// <summary>Parameters of the model.</summary>
    public int ParameterCount => _fixedStart.Length;

    /// <summary>The quantities' values at latent point <paramref name="z"/>.</summary>
    public void Values(ReadOnlySpan<double> z, Span<double> values)
    {
        int rows = _copulaDimension.Length;
        for (int j = 0; j < _slots.Length; j++)
        {
            double y;
            int row = _copulaRow[j];
            if (row < 0) y = z[j];
            else
            {
                y = 0;
                // A quantity left out is held at its mean, so its score is 0 (the caller keeps whole correlated groups).
                for (int c = 0; c <= row; c++)
                    if (_copulaDimension[c] >= 0) y += _factor[row * rows + c] * z[_copulaDimension[c]];
            }
            values[j] = Interpolate(_tables[j], y);
        }
    }

    /// <summary>Every parameter's start value and ramp target given the uncertain quantities' <paramref name="values"/>.</summary>
    public void Parameters(ReadOnlySpan<double> values, Span<double> start, Span<double> target)
    {
        _fixedStart.CopyTo(start);
        _fixedTarget.CopyTo(target);
        for (int j = 0; j < _slots.Length; j++)
        {
            var slot = _slots[j];
            if (slot.IsRampTarget) target[slot.ParameterIndex] = values[j];
            else
            {
                start[slot.ParameterIndex] = values[j];
                if (_model.ParameterList[slot.ParameterIndex].RampTarget is null) target[slot.ParameterIndex] = values[j];
            }
        }
    }

    private static double Interpolate(double[] table, double y)
    {
        double t = (y + Edge) / (2 * Edge) * (Points - 1);
        if (!(t > 0)) return table[0];
        if (t >= Points - 1) return table[^1];
        int k = (int)t;
        double f = t - k;
        return table[k] + f * (table[k + 1] - table[k]);
    }

    private static double Quantile(Distribution distribution, double u) =>
        distribution.InverseCdf(Math.Clamp(u, Smallest, 1 - Smallest));
}
