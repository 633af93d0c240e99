using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

// Time on treatment and doses per calendar year.
internal sealed partial class IterationRunner
{
    private const double DaysPerYear = 365.25;
    private const double DaysPerMonth = DaysPerYear / 12;

    // Per-patient scratch, grown on demand (rarely) and reused; a multiple of the vector width.
    private double[] _patientStart = new double[64];
    private double[] _patientDraw = new double[64];
    private int[] _patientYear = new int[64];

    /// <summary>
    /// Each new patient of year t starts at (t + U)·365.25 days and receives dose j at start + j·interval while
    /// j·interval &lt; duration. Doses are counted per calendar year arithmetically — the number of doses given before a
    /// year boundary B is clamp(⌈(B − start)/interval⌉, 0, total) — so the cost does not grow with the dose count.
    /// Random draws are made patient by patient in year order; the durations are then computed four at a time
    /// (the logarithms and exponentials are most of the cost).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Treat(CompiledIndication ind, long iteration, int offset, int afterPost)
    {
        int years = _model.Years;
        long patients = 0;
        for (int t = 0; t < years; t++) patients += _newPatients[t];
        if (patients == 0) return;
        int count = EnsurePatientCapacity(patients);

        var rng = Rng.ForStream(_seed, iteration, ind.TreatmentKey);
        bool logNormal = ind.DurationKind == DurationKind.LogNormal;
        int i = 0;
        for (int t = 0; t < years; t++)
        {
            for (long patient = _newPatients[t]; patient > 0; patient--, i++)
            {
                _patientYear[i] = t;
                _patientStart[i] = (t + rng.NextDouble()) * DaysPerYear;
                _patientDraw[i] = logNormal ? rng.NextStandardNormal() : rng.NextOpenDouble();
            }
        }
        Durations(ind, count);
        CountDoses(ind, count, offset, afterPost);
    }

    /// <summary>Turns each patient's draw into a duration in days, in place.</summary>
    private void Durations(CompiledIndication ind, int count) =>
        Durations(ind.DurationKind, _start[ind.DurationMedian] * DaysPerMonth,
            ind.DurationSpread >= 0 ? _start[ind.DurationSpread] : 1, _patientDraw.AsSpan(0, (count + 3) & ~3));

    /// <summary>
    /// Turns draws (uniforms on (0, 1), or standard normals for the log-normal) into durations in days, in place, four at
    /// a time; <paramref name="draws"/> is a multiple of 4 long. <paramref name="median"/> is in days.
    /// </summary>
    private static void Durations(DurationKind kind, double median, double spread, Span<double> draws)
    {
        int count = draws.Length;
        switch (kind)
        {
            case DurationKind.LogNormal:
            {
                // median · e^(sdLog · Z)
                var m = Vector256.Create(median);
                var s = Vector256.Create(spread);
                for (int i = 0; i < count; i += 4)
                {
                    var z = Vector256.Create(draws.Slice(i, 4));
                    (m * Vector256.Exp(s * z)).CopyTo(draws.Slice(i, 4));
                }
                break;
            }
            case DurationKind.Exponential:
            {
                // median / ln 2 · (−ln V)
                var scale = Vector256.Create(-median / Math.Log(2));
                for (int i = 0; i < count; i += 4)
                {
                    var v = Vector256.Create(draws.Slice(i, 4));
                    (scale * Vector256.Log(v)).CopyTo(draws.Slice(i, 4));
                }
                break;
            }
            default:
            {
                // Weibull by inversion: scale · (−ln V)^(1/shape), scale = median / (ln 2)^(1/shape).
                double inverseShape = 1 / spread;
                var scale = Vector256.Create(median / Math.Pow(Math.Log(2), inverseShape));
                var power = Vector256.Create(inverseShape);
                for (int i = 0; i < count; i += 4)
                {
                    var v = Vector256.Create(draws.Slice(i, 4));
                    (scale * Vector256.Exp(Vector256.Log(-Vector256.Log(v)) * power)).CopyTo(draws.Slice(i, 4));
                }
                break;
            }
        }
    }

    private void CountDoses(CompiledIndication ind, int count, int offset, int afterPost)
    {
        int years = _model.Years;
        int metrics = ind.Metrics.Length;
        double perInterval = 1 / ind.DoseIntervalDays;
        int onTreatment = offset + afterPost + ModelCompiler.OnTreatmentOffset;
        int doses = offset + afterPost + ModelCompiler.DosesOffset;
        for (int i = 0; i < count; i++)
        {
            double start = _patientStart[i];
            long total = (long)Math.Ceiling(_patientDraw[i] * perInterval);
            long before = 0;
            for (int y = _patientYear[i]; y < years && before < total; y++)
            {
                long upTo = Math.Clamp((long)Math.Ceiling(((y + 1) * DaysPerYear - start) * perInterval), 0, total);
                long inYear = upTo - before;
                if (inYear > 0)
                {
                    _cells[doses + y * metrics] += inYear;
                    _cells[onTreatment + y * metrics]++;
                }
                before = upTo;
            }
        }
    }

    /// <summary>Makes room for <paramref name="patients"/>; the padding up to a multiple of 4 holds a harmless 0.5.</summary>
    private int EnsurePatientCapacity(long patients)
    {
        int count = checked((int)patients);
        int padded = (count + 3) & ~3;
        if (padded > _patientDraw.Length)
        {
            int size = Math.Max(padded, 2 * _patientDraw.Length);
            _patientStart = new double[size];
            _patientDraw = new double[size];
            _patientYear = new int[size];
        }
        _patientDraw.AsSpan(count, padded - count).Fill(0.5);
        return count;
    }
}
