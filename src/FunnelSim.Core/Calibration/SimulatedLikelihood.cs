using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Model;
using MathNet.Numerics.LinearAlgebra;

namespace FunnelSim.Calibration;

/// <summary>
/// The approximate part of the likelihood, for observed counts with no exact one (<c>onTreatment</c> and <c>doses</c>:
/// they carry patients over from earlier years and, for doses, count many per patient): approximate Bayesian computation
/// by a Gaussian synthetic likelihood (Wood 2010; Price, Drovandi, Lee and Nott 2018). At a parameter point the engine
/// simulates <see cref="Replicates"/> histories with every parameter held there, always the same iterations (common
/// random numbers, so the approximation is a deterministic function of the parameters and the result the same on any
/// thread count); the simulated observed counts — the exact observations' and these together — give a mean and a
/// covariance, and these observations are scored by the Gaussian density conditional on the exact observations' observed
/// values. The exact part (<see cref="CountLikelihood"/>) keeps scoring the exact observations, so nothing counts twice.
/// </summary>
internal sealed class SimulatedLikelihood
{
    /// <summary>Simulated histories per parameter point.</summary>
    public const int Replicates = 100;

    private readonly CompiledModel _model;
    private readonly ulong _seed;
    private readonly int[] _cells;          // exact observations first, then the simulated ones
    private readonly double[] _fractions;
    private readonly double[] _observed;
    private readonly int _exact;

    private SimulatedLikelihood(CompiledModel model, ulong seed, int[] cells, double[] fractions, double[] observed, int exact)
    {
        _model = model;
        _seed = seed;
        _cells = cells;
        _fractions = fractions;
        _observed = observed;
        _exact = exact;
    }

    /// <summary>True when <paramref name="metric"/> of group <paramref name="group"/> is a count scored by simulation.</summary>
    public static bool IsSimulated(CompiledModel model, int group, string metric) =>
        metric is MetricNames.OnTreatment or MetricNames.Doses && model.MetricsOf(group).Contains(metric, StringComparer.Ordinal);

    /// <summary>
    /// The approximate likelihood of the <paramref name="simulated"/> observations given the <paramref name="exact"/>
    /// ones; null when there are none to simulate.
    /// </summary>
    public static SimulatedLikelihood? Build(CompiledModel model, IReadOnlyList<Observation> exact, IReadOnlyList<Observation> simulated,
        ulong seed)
    {
        if (simulated.Count == 0) return null;
        Observation[] all = [.. exact, .. simulated];
        return new SimulatedLikelihood(model, seed, [.. all.Select(o => CellOf(model, o))], [.. all.Select(o => o.Fraction)],
            [.. all.Select(o => (double)o.Value)], exact.Count);
    }

    /// <summary>The observations with an exact likelihood, in the order given, and those scored by simulation.</summary>
    public static (Observation[] Exact, Observation[] Simulated) Split(CompiledModel model, IReadOnlyList<Observation> observations)
    {
        var simulated = observations.Where(o => IsSimulated(model, GroupOf(model, o), o.Metric)).ToArray();
        return ([.. observations.Except(simulated)], simulated);
    }

    /// <summary>The cell group of an observation: its indication, or the total after them.</summary>
    internal static int GroupOf(CompiledModel model, Observation o)
    {
        var indications = model.Scenario.Indications;
        return o.Indication == Observation.Total ? indications.Length : indications.IndexOf(indications.First(i => i.Id == o.Indication));
    }

    /// <summary>The cell an observation counts (its indication or the total, year and metric).</summary>
    internal static int CellOf(CompiledModel model, Observation o)
    {
        int group = GroupOf(model, o);
        return model.Layout.Cell(group, o.Year - model.Scenario.StartYear, Array.IndexOf(model.MetricsOf(group), o.Metric));
    }

    /// <summary>Per-thread state: an engine runner holding the parameters, and the simulated counts.</summary>
    public sealed class Scratch
    {
        internal readonly IterationRunner Runner;
        internal readonly double[] Start, Target, Draws;

        /// <summary>A scratch for simulating <paramref name="model"/> (no costs) with <paramref name="observed"/> cells.</summary>
        internal Scratch(CompiledModel model, ulong seed, int observed)
        {
            Runner = new IterationRunner(model, seed);
            Start = new double[model.ParameterList.Count];
            Target = new double[Start.Length];
            Draws = new double[Replicates * observed];
            Runner.UseOverrides(Start, Target, fixesAll: true);
        }
    }

    /// <summary>A scratch for this likelihood (one per thread).</summary>
    public Scratch NewScratch() => new(_model, _seed, _cells.Length);

    /// <summary>
    /// One simulated history at the parameters held in <paramref name="scratch"/> (set by the latest
    /// <see cref="LogLikelihood"/> or <see cref="Hold"/>): iteration <paramref name="iteration"/>'s value of every cell.
    /// </summary>
    public static ReadOnlySpan<long> SimulateOnce(Scratch scratch, long iteration)
    {
        scratch.Runner.Simulate(iteration);
        return scratch.Runner.CellValues;
    }

    /// <summary>Holds every parameter at <paramref name="start"/> and its ramp target at <paramref name="target"/>.</summary>
    public static void Hold(ReadOnlySpan<double> start, ReadOnlySpan<double> target, Scratch scratch)
    {
        start.CopyTo(scratch.Start);
        target.CopyTo(scratch.Target);
    }

    /// <summary>
    /// The log synthetic likelihood of the simulated observations given the exact ones, every parameter held at
    /// <paramref name="start"/> and its ramp target at <paramref name="target"/>.
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> start, ReadOnlySpan<double> target, Scratch scratch)
    {
        Hold(start, target, scratch);
        int m = _cells.Length;
        var draws = scratch.Draws;
        for (int r = 0; r < Replicates; r++)
        {
            scratch.Runner.Simulate(r);
            var values = scratch.Runner.CellValues;
            for (int i = 0; i < m; i++) draws[r * m + i] = _fractions[i] * values[_cells[i]];
        }
        return LogConditionalDensity(draws, m);
    }

    /// <summary>
    /// log N(simulated observations; conditional mean, conditional covariance) from <see cref="Replicates"/> rows of
    /// <paramref name="m"/> simulated values (the exact observations' first). A count over a fraction f of a year is the
    /// simulated count thinned by f: its variance gains (1 − f)·mean; and every count's variance gains 1/12 for rounding
    /// to whole patients, so a count that never varies in the simulations still has a density.
    /// </summary>
    private double LogConditionalDensity(double[] draws, int m)
    {
        var mean = new double[m];
        for (int r = 0; r < Replicates; r++)
            for (int i = 0; i < m; i++) mean[i] += draws[r * m + i];
        for (int i = 0; i < m; i++) mean[i] /= Replicates;
        var covariance = Matrix<double>.Build.Dense(m, m);
        for (int r = 0; r < Replicates; r++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j <= i; j++)
                    covariance[i, j] += (draws[r * m + i] - mean[i]) * (draws[r * m + j] - mean[j]);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++) covariance[j, i] = covariance[i, j] /= Replicates - 1;
            covariance[i, i] += (1 - _fractions[i]) * Math.Max(mean[i], 0) + 1.0 / 12;
        }
        int e = _exact, s = m - e;
        var covarianceS = covariance.SubMatrix(e, s, e, s);
        var residual = Vector<double>.Build.Dense(s, k => _observed[e + k] - mean[e + k]);
        if (e > 0)
        {
            // Given the exact observations: mean μ_s + Σ_se Σ_ee⁻¹ (x_e − μ_e), covariance Σ_ss − Σ_se Σ_ee⁻¹ Σ_es.
            var cross = covariance.SubMatrix(e, s, 0, e);
            var gain = covariance.SubMatrix(0, e, 0, e).Cholesky().Solve(cross.Transpose()).Transpose();
            residual -= gain * Vector<double>.Build.Dense(e, k => _observed[k] - mean[k]);
            covarianceS -= gain * cross.Transpose();
        }
        var cholesky = covarianceS.Cholesky();
        double value = -0.5 * (s * Math.Log(2 * Math.PI) + cholesky.DeterminantLn + residual.DotProduct(cholesky.Solve(residual)));
        return double.IsFinite(value) ? value : double.NegativeInfinity;
    }
}
