using FunnelSim.Compilation;
using MathNet.Numerics;

namespace FunnelSim.Calibration;

/// <summary>
/// The exact likelihood of observed yearly counts of new patients given every parameter's value. Within a year the
/// observed counts must form a laminar family (any two nested or disjoint, as their atoms say, see
/// <see cref="FunnelAtoms"/>): the outermost are independent Poisson counts with mean fraction × expectation, and the
/// counts directly inside an observed count, with what is left of it, are multinomial given it, with probabilities
/// the ratios of their expectations (a Poisson count thinned by independent steps). Years are independent given the
/// parameters; a parameter is held for the whole horizon, which is what ties the years together.
/// Immutable and shared; evaluate with a <see cref="Scratch"/> per thread.
/// </summary>
internal sealed class CountLikelihood
{
    private readonly CompiledModel _model;
    private readonly int[] _atomOffsets;          // per indication: first atom of its year block
    private readonly int _atomsPerYear;
    private readonly Node[] _nodes;               // parents before children
    private readonly double _constant;            // Σ of the log-factorial terms, which do not depend on the parameters

    private CountLikelihood(CompiledModel model, int[] atomOffsets, int atomsPerYear, Node[] nodes, double constant)
    {
        _model = model;
        _atomOffsets = atomOffsets;
        _atomsPerYear = atomsPerYear;
        _nodes = nodes;
        _constant = constant;
    }

    /// <summary>The observations, in the order given.</summary>
    public int ObservationCount => _nodes.Length;

    /// <summary>A place for per-evaluation numbers; one per thread.</summary>
    public sealed class Scratch(CountLikelihood likelihood)
    {
        internal readonly double[] Atoms = new double[likelihood._atomsPerYear * likelihood._model.Years];
        internal readonly double[] Means = new double[likelihood._nodes.Length];
    }

    /// <summary>What is wrong with observing these counts together, if anything (the reader reports each as an error).</summary>
    public static IReadOnlyList<(string Path, string Message)> Problems(CompiledModel model, IReadOnlyList<Observation> observations)
    {
        var problems = PairProblems(model, observations).ToList();
        if (problems.Count > 0) return problems;
        // Counts directly inside one count cannot add up to more than it.
        var likelihood = Build(model, observations, check: false);
        var nodes = likelihood._nodes;
        for (int k = 0; k < nodes.Length; k++)
        {
            long inside = nodes.Where(n => n.Parent == k).Sum(n => n.Value);
            if (inside > nodes[k].Value)
                problems.Add((nodes[k].Observation.Path, $"the counts inside {nodes[k].Observation} add up to {inside:N0}, more than its {nodes[k].Value:N0}"));
        }
        return problems;
    }

    private static IEnumerable<(string Path, string Message)> PairProblems(CompiledModel model, IReadOnlyList<Observation> observations)
    {
        var (offsets, _) = Layout(model);
        var sets = observations.Select(o => AtomsOf(model, offsets, o)).ToArray();
        for (int a = 0; a < observations.Count; a++)
        {
            for (int b = 0; b < a; b++)
            {
                if (observations[a].Year != observations[b].Year) continue;
                var (x, y) = (sets[a], sets[b]);
                bool aInB = x.IsSubsetOf(y), bInA = y.IsSubsetOf(x);
                string A = observations[a].ToString(), B = observations[b].ToString();
                if (aInB && bInA && observations[a].Value != observations[b].Value)
                    yield return (observations[a].Path, $"{A} counts the same patients as {B} ({observations[b].Path}): the two values must be equal");
                else if (aInB && !bInA && observations[a].Value > observations[b].Value)
                    yield return (observations[a].Path, $"{A} is part of {B} ({observations[b].Path}) and cannot be larger");
                else if (bInA && !aInB && observations[b].Value > observations[a].Value)
                    yield return (observations[a].Path, $"{A} contains {B} ({observations[b].Path}) and cannot be smaller");
                else if (!aInB && !bInA && x.Overlaps(y))
                    yield return (observations[a].Path,
                        $"{A} and {B} ({observations[b].Path}) overlap without one containing the other, so they have no exact joint " +
                        "likelihood here; observe one of them, or counts that nest (e.g. tested ⊃ identified ⊃ treatedNew) or do not share patients");
            }
        }
    }

    /// <summary>The likelihood of <paramref name="observations"/> (checked by <see cref="ObservedCounts"/>).</summary>
    public static CountLikelihood Build(CompiledModel model, IReadOnlyList<Observation> observations) => Build(model, observations, check: true);

    private static CountLikelihood Build(CompiledModel model, IReadOnlyList<Observation> observations, bool check)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observations);
        if (check && Problems(model, observations) is [var problem, ..])
            throw new ArgumentException($"{problem.Path}: {problem.Message}", nameof(observations));
        var (offsets, perYear) = Layout(model);
        var sets = observations.Select(o => AtomsOf(model, offsets, o)).ToArray();
        // Parents first: larger sets first; equal sets in the order given (the later one is inside the earlier).
        var order = Enumerable.Range(0, observations.Count)
            .OrderBy(i => observations[i].Year).ThenByDescending(i => sets[i].Count).ThenBy(i => i).ToArray();
        var nodes = new Node[order.Length];
        int yearBase(Observation o) => (o.Year - model.Scenario.StartYear) * perYear;
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            var o = observations[i];
            // The sets containing it form a chain (the family is laminar): the nearest earlier one is the smallest.
            int parent = -1;
            for (int j = k - 1; j >= 0 && parent < 0; j--)
                if (observations[order[j]].Year == o.Year && sets[i].IsSubsetOf(sets[order[j]])) parent = j;
            int shift = yearBase(o);
            nodes[k] = new Node(o, i, [.. sets[i].Order().Select(a => a + shift)], parent, o.Value);
        }
        // What is left of each parent once its children are taken out.
        for (int k = 0; k < nodes.Length; k++)
        {
            var children = nodes.Where(n => n.Parent == k).ToArray();
            if (children.Length == 0) continue;
            var inside = children.SelectMany(c => c.Atoms).ToHashSet();
            nodes[k] = nodes[k] with
            {
                Remainder = [.. nodes[k].Atoms.Where(a => !inside.Contains(a))],
                RemainderValue = nodes[k].Value - children.Sum(c => c.Value),
                HasChildren = true,
            };
        }
        double constant = 0;
        foreach (var node in nodes)
        {
            if (node.Parent < 0) constant -= LogFactorial(node.Value);
            if (node.HasChildren)
            {
                constant += LogFactorial(node.Value) - LogFactorial(Math.Max(0, node.RemainderValue));
            }
            if (node.Parent >= 0) constant -= LogFactorial(node.Value);
        }
        return new CountLikelihood(model, offsets, perYear, nodes, constant);
    }

    /// <summary>
    /// The log-likelihood given the exact expectations <paramref name="cells"/> of every cell (from
    /// <see cref="Analysis.ExpectedFunnel"/>) and its reflex split <paramref name="reflex"/> (<see cref="Analysis.ExpectedFunnel.Reflex"/>);
    /// −∞ where the observations are impossible.
    /// </summary>
    public double LogLikelihood(ReadOnlySpan<double> cells, ReadOnlySpan<double> reflex, Scratch scratch)
    {
        FillAtoms(cells, reflex, scratch.Atoms);
        var atoms = scratch.Atoms;
        double sum = _constant;
        for (int k = 0; k < _nodes.Length; k++)
        {
            var node = _nodes[k];
            double mean = Sum(atoms, node.Atoms);
            scratch.Means[k] = mean;
            if (node.Parent < 0)
            {
                double lambda = node.Observation.Fraction * mean;
                if (lambda <= 0)
                {
                    if (node.Value > 0) return double.NegativeInfinity;
                    continue;
                }
                sum += node.Value * Math.Log(lambda) - lambda;
            }
        }
        for (int k = 0; k < _nodes.Length; k++)
        {
            var node = _nodes[k];
            if (!node.HasChildren) continue;
            double total = scratch.Means[k];
            for (int c = k + 1; c < _nodes.Length; c++)
                if (_nodes[c].Parent == k) sum += Term(_nodes[c].Value, scratch.Means[c], total);
            sum += Term(node.RemainderValue, Sum(atoms, node.Remainder), total);
            if (double.IsNegativeInfinity(sum)) return sum;
        }
        return sum;
    }

    /// <summary>Expected observed count (fraction × expectation) of each observation, in the order given to
    /// <see cref="Build(CompiledModel, IReadOnlyList{Observation})"/>, for the latest <see cref="LogLikelihood"/> evaluated with <paramref name="scratch"/>.</summary>
    public void ObservedMeans(Scratch scratch, Span<double> means)
    {
        for (int k = 0; k < _nodes.Length; k++) means[_nodes[k].Index] = scratch.Means[k] * _nodes[k].Observation.Fraction;
    }

    private static double LogFactorial(long n) => SpecialFunctions.GammaLn(n + 1.0);

    private static double Term(long count, double mean, double total)
    {
        if (count == 0) return 0;
        if (mean <= 0 || total <= 0) return double.NegativeInfinity;
        return count * Math.Log(Math.Min(1, mean / total));
    }

    private static double Sum(double[] atoms, int[] indices)
    {
        double sum = 0;
        foreach (int a in indices) sum += atoms[a];
        return sum;
    }

    private void FillAtoms(ReadOnlySpan<double> cells, ReadOnlySpan<double> reflex, double[] atoms)
    {
        const int R = Analysis.ExpectedFunnel.ReflexValues;
        var indications = _model.Indications;
        for (int i = 0; i < indications.Length; i++)
        {
            int metrics = indications[i].Metrics.Length;
            for (int t = 0; t < _model.Years; t++)
            {
                var yearCells = cells.Slice(_model.GroupOffsets[i] + t * metrics, metrics);
                var yearReflex = reflex.Slice((i * _model.Years + t) * R, R);
                FunnelAtoms.Expectations(indications[i], yearCells, yearReflex, atoms.AsSpan(t * _atomsPerYear + _atomOffsets[i]));
            }
        }
    }

    private static (int[] Offsets, int PerYear) Layout(CompiledModel model)
    {
        var offsets = new int[model.Indications.Length];
        int next = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = next;
            next += FunnelAtoms.Count(model.Indications[i]);
        }
        return (offsets, next);
    }

    private static HashSet<int> AtomsOf(CompiledModel model, int[] offsets, Observation o)
    {
        var set = new HashSet<int>();
        for (int i = 0; i < model.Indications.Length; i++)
        {
            if (o.Indication != Observation.Total && model.Indications[i].Id != o.Indication) continue;
            foreach (int a in FunnelAtoms.Local(model.Indications[i], o.Metric) ?? [])
                set.Add(offsets[i] + a);
        }
        return set;
    }

    private sealed record Node(Observation Observation, int Index, int[] Atoms, int Parent, long Value)
    {
        public int[] Remainder { get; init; } = [];
        public long RemainderValue { get; init; }
        public bool HasChildren { get; init; }
    }
}
