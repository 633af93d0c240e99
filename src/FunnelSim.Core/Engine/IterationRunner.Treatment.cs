using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FunnelSim.Compilation;
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
    private double[] _yearSums = []; // per calendar year, padded: doses, on treatment, visits, comparator months

    /// <summary>
    /// Each new patient of year t starts at (t + U)·365.25 days and receives dose j at start + j·interval while
    /// j·interval &lt; duration. Doses are counted per calendar year arithmetically — the number of doses given before a
    /// year boundary B is clamp(⌈(B − start)/interval⌉, 0, total) — so the cost does not grow with the dose count.
    /// Random draws are made patient by patient in year order; the durations are then computed four at a time
    /// (the logarithms and exponentials are most of the cost).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Treat(CompiledIndication ind, int index, long iteration, int offset, int afterPost)
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
                _patientStart[i] = (t + rng.NextDouble()) * DaysPerYear;
                _patientDraw[i] = logNormal ? rng.NextStandardNormal() : rng.NextOpenDouble();
            }
        }
        Durations(ind, count);
        if (_budget is null)
        {
            TreatedYears(ind, count, offset, afterPost, default);
            return;
        }
        var costs = _budget.Budget.Indications[index];
        var comparator = ComparatorDurations(costs, _budget, iteration, count);
        TreatedYears(ind, count, offset, afterPost, comparator);
        FalsePositiveQuantities(ind, offset, afterPost, comparator);
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

    /// <summary>
    /// Doses and patients on treatment per calendar year, and with costs also each year's monitoring visits and months
    /// on the comparator (<see cref="BudgetState.Quantities"/>). The patients of each start year t are passed over once
    /// per block of four calendar years from t on (one block for most: t, t + 1, t + 2, t + 3), the block's years in the
    /// lanes of a vector. Per patient and year it computes what the year-by-year loop below would (same operations on
    /// the same values, so the same bits):
    /// <code>
    /// doses:  upTo(y) = clamp(⌈((y + 1)·365.25 − start)/interval⌉, 0, total); in year y: upTo(y) − upTo(y − 1)
    /// visits: min(⌈((y + 1)·365.25 − start)/every⌉, visits) less the same at the year before (0 in the start year)
    /// months: max(0, min(comparator end, (y + 1)·365.25) − (start year ? start : y·365.25)) · (1 / 30.4375)
    /// </code>
    /// for the years from the start year up to the first whose end is at or after the later of the two worlds' ends
    /// (the other years give 0). The counts are whole numbers (exact in any order); the months, which are not, are
    /// added to each year's running sum in patient order, as the loop added them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TreatedYears(CompiledIndication ind, int count, int offset, int afterPost, ReadOnlySpan<double> comparator)
    {
        int years = _model.Years;
        int metrics = ind.Metrics.Length;
        bool costs = _budget is not null;
        double perInterval = 1 / ind.DoseIntervalDays;
        double perVisit = costs ? 1 / _budget!.Budget.MonitoringIntervalDays : 1;
        var vPerInterval = Vector256.Create(perInterval);
        var vPerVisit = Vector256.Create(perVisit);
        var perMonth = Vector256.Create(1 / DaysPerMonth);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var firstLane = Vector256.Create(-1L, 0, 0, 0).AsDouble();

        // Per calendar year (padded by a block): doses, patients on treatment, visits, comparator months.
        int stride = _yearSums.Length / 4;
        var sums = _yearSums.AsSpan();
        sums.Clear();
        var doseSums = sums.Slice(0, stride);
        var treatedSums = sums.Slice(stride, stride);
        var visitSums = sums.Slice(2 * stride, stride);
        var monthSums = sums.Slice(3 * stride, stride);

        int patient = 0;
        for (int t = 0; t < years; t++)
        {
            int last = patient + (int)_newPatients[t];
            for (int first = t; first < years && patient < last; first += 4)
            {
                bool startBlock = first == t;
                var startYear = startBlock ? firstLane : zero; // the lane of the start year, if in this block
                var yearStart = Vector256.Create(first * DaysPerYear, (first + 1) * DaysPerYear, (first + 2) * DaysPerYear,
                    (first + 3) * DaysPerYear);
                var yearEnd = Vector256.Create((first + 1) * DaysPerYear, (first + 2) * DaysPerYear, (first + 3) * DaysPerYear,
                    (first + 4) * DaysPerYear);
                var doses = Vector256.Create(doseSums.Slice(first, 4));
                var onTreatment = Vector256.Create(treatedSums.Slice(first, 4));
                var visits = Vector256.Create(visitSums.Slice(first, 4));
                var months = Vector256.Create(monthSums.Slice(first, 4));
                for (int i = patient; i < last; i++)
                {
                    double start = _patientStart[i], days = _patientDraw[i];
                    var vStart = Vector256.Create(start);

                    // Doses before year y = doses up to the end of year y − 1: the lanes shifted up by one, the first
                    // lane's computed (0 in the start year).
                    double totalDoses = Math.Ceiling(days * perInterval);
                    var total = Vector256.Create(totalDoses);
                    var upTo = Vector256.Ceiling((yearEnd - vStart) * vPerInterval);
                    upTo = Vector256.ConditionalSelect(Vector256.LessThan(upTo, zero), zero,
                        Vector256.ConditionalSelect(Vector256.GreaterThan(upTo, total), total, upTo));
                    double firstBefore = 0;
                    if (!startBlock) firstBefore = Math.Clamp(Math.Ceiling((first * DaysPerYear - start) * perInterval), 0, totalDoses);
                    var inYear = upTo - ShiftUp(upTo, firstBefore);
                    doses += inYear;
                    onTreatment += one & Vector256.GreaterThan(inYear, zero);

                    if (!costs) continue;
                    double comparatorEnd = start + comparator[i];
                    double end = start + days > comparatorEnd ? start + days : comparatorEnd;
                    // The years the loop visits: the start year, and later ones while the year before ended before `end`.
                    var active = startYear | Vector256.GreaterThan(Vector256.Create(end), yearStart);

                    double visitCount = Math.Ceiling(days * perVisit);
                    var allVisits = Vector256.Create(visitCount);
                    var visitsUpTo = Vector256.Ceiling((yearEnd - vStart) * vPerVisit);
                    visitsUpTo = Vector256.ConditionalSelect(Vector256.GreaterThan(visitsUpTo, allVisits), allVisits, visitsUpTo);
                    double firstVisitsBefore = 0;
                    if (!startBlock) firstVisitsBefore = Math.Min(Math.Ceiling((first * DaysPerYear - start) * perVisit), visitCount);
                    visits += (visitsUpTo - ShiftUp(visitsUpTo, firstVisitsBefore)) & active;

                    var vEnd = Vector256.Create(comparatorEnd);
                    var until = Vector256.ConditionalSelect(Vector256.LessThan(vEnd, yearEnd), vEnd, yearEnd);
                    var from = Vector256.ConditionalSelect(startYear, vStart, yearStart);
                    var month = (until - from) * perMonth;
                    months += month & Vector256.GreaterThan(month, zero) & active;
                }
                doses.CopyTo(doseSums.Slice(first, 4));
                onTreatment.CopyTo(treatedSums.Slice(first, 4));
                visits.CopyTo(visitSums.Slice(first, 4));
                months.CopyTo(monthSums.Slice(first, 4));
            }
            patient = last;
        }

        var q = costs ? _budget!.Quantities.AsSpan() : default;
        const int Q = BudgetState.YearQuantities;
        for (int y = 0; y < years; y++)
        {
            _cells[offset + y * metrics + afterPost + ModelCompiler.DosesOffset] = (long)doseSums[y];
            _cells[offset + y * metrics + afterPost + ModelCompiler.OnTreatmentOffset] = (long)treatedSums[y];
            if (!costs) continue;
            // Visit 0 falls on the start day, in the start year: not counted unless the schedule says so.
            q[y * Q + BudgetState.Visits] = visitSums[y] - (_budget!.Budget.MonitoringAtStart ? 0 : _newPatients[y]);
            q[y * Q + BudgetState.ComparatorMonths] = monthSums[y];
        }
    }

    /// <summary>(<paramref name="first"/>, v₀, v₁, v₂): each lane takes the value of the lane below it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ShiftUp(Vector256<double> v, double first) =>
        Vector256.ConditionalSelect(Vector256.Create(-1L, 0, 0, 0).AsDouble(), Vector256.Create(first),
            Vector256.Shuffle(v, Vector256.Create(0L, 0, 1, 2)));

    /// <summary>
    /// Most patients of one indication followed one by one (their start days and durations) in one iteration: about
    /// 100 MB of scratch per worker with costs.
    /// </summary>
    internal const long MaxTreatedPerIteration = 1L << 22;

    /// <summary>Makes room for <paramref name="patients"/>; the padding up to a multiple of 4 holds a harmless 0.5.</summary>
    private int EnsurePatientCapacity(long patients)
    {
        if (patients > MaxTreatedPerIteration)
            throw new SimulationLimitException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{patients:N0} patients started treatment in one iteration of one indication over the horizon; the engine " +
                $"follows at most {MaxTreatedPerIteration:N0} (each patient's doses are simulated): reduce the population, " +
                $"the incidence or its growth, or the horizon"));
        int count = (int)patients;
        int padded = (count + 3) & ~3;
        if (padded > _patientDraw.Length)
        {
            int size = Math.Max(padded, 2 * _patientDraw.Length);
            _patientStart = new double[size];
            _patientDraw = new double[size];
        }
        _patientDraw.AsSpan(count, padded - count).Fill(0.5);
        return count;
    }
}
