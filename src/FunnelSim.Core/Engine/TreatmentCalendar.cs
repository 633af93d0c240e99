using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FunnelSim.Compilation;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

/// <summary>
/// One indication's new patients of an iteration on the calendar: each patient's start day and days on treatment (in
/// start-year order), and their tally per calendar year — doses, patients on treatment and, with costs, monitoring visits
/// and months on the comparator. Owns its per-patient buffers and year sums (grown on demand, rarely, and reused).
/// <see cref="TallyVectorised"/> is vectorised; <see cref="TallyScalar"/> is the plain year-by-year loop it must match bit for bit
/// (tests compare them on random inputs).
/// </summary>
internal sealed class TreatmentCalendar
{
    /// <summary>Days per calendar year.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Days per month.</summary>
    public const double DaysPerMonth = DaysPerYear / 12;

    private readonly int _years;
    private readonly int _stride;     // year sums per quantity, padded by a block of four years
    private readonly double[] _sums;  // doses, on treatment, visits, comparator months: each _stride long
    private double[] _start = new double[64];
    private double[] _days = new double[64];

    /// <param name="years">Years of the horizon.</param>
    public TreatmentCalendar(int years)
    {
        _years = years;
        _stride = years + 4;
        _sums = new double[4 * _stride];
    }

    /// <summary>The patients placed by the last <see cref="Place"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Each patient's start day (day 0 is the start of the first year).</summary>
    public ReadOnlySpan<double> Starts => _start.AsSpan(0, Count);

    /// <summary>Each patient's days on treatment.</summary>
    public ReadOnlySpan<double> Days => _days.AsSpan(0, Count);

    /// <summary>Doses given per calendar year (after <see cref="Tally"/>).</summary>
    public ReadOnlySpan<double> Doses => _sums.AsSpan(0, _years);

    /// <summary>Patients with at least one dose per calendar year.</summary>
    public ReadOnlySpan<double> OnTreatment => _sums.AsSpan(_stride, _years);

    /// <summary>Monitoring visits per calendar year, visit 0 on the start day included (with costs).</summary>
    public ReadOnlySpan<double> Visits => _sums.AsSpan(2 * _stride, _years);

    /// <summary>Months on the comparator per calendar year (with costs).</summary>
    public ReadOnlySpan<double> ComparatorMonths => _sums.AsSpan(3 * _stride, _years);

    /// <summary>
    /// Places <paramref name="newPatients"/>[t] patients in each year t: patient by patient in year order, a start at
    /// (t + U)·365.25 days and a draw from <paramref name="rng"/> (a standard normal for the log-normal, else a uniform
    /// on (0, 1)); then turns the draws into durations four at a time. <paramref name="median"/> is in days.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Place(ReadOnlySpan<long> newPatients, ref Rng rng, DurationKind kind, double median, double spread)
    {
        long patients = 0;
        foreach (long n in newPatients) patients += n;
        int count = EnsureCapacity(patients);
        bool logNormal = kind == DurationKind.LogNormal;
        int i = 0;
        for (int t = 0; t < newPatients.Length; t++)
        {
            for (long patient = newPatients[t]; patient > 0; patient--, i++)
            {
                _start[i] = (t + rng.NextDouble()) * DaysPerYear;
                _days[i] = logNormal ? rng.NextStandardNormal() : rng.NextOpenDouble();
            }
        }
        Durations(kind, median, spread, _days.AsSpan(0, (count + 3) & ~3));
    }

    /// <summary>
    /// Tallies the placed patients per calendar year; with costs (<paramref name="monitoringIntervalDays"/> not null) also
    /// visits and the months each patient's comparator (<paramref name="comparatorDays"/>, from the same start) would last.
    /// </summary>
    public void Tally(ReadOnlySpan<long> newPatients, double doseIntervalDays, double? monitoringIntervalDays,
        ReadOnlySpan<double> comparatorDays) =>
        TallyVectorised(_years, newPatients, Starts, Days, 1 / doseIntervalDays, monitoringIntervalDays is { } every ? 1 / every : null,
            comparatorDays, _sums);

    /// <summary>
    /// The tally, vectorised: the patients of each start year t are passed over once per block of four calendar years
    /// from t on (one block for most: t, t + 1, t + 2, t + 3), the block's years in the lanes of a vector. Per patient
    /// and year it computes what <see cref="TallyScalar"/> does (same operations on the same values, so the same bits).
    /// <paramref name="sums"/> holds four runs of years + 4 values: doses, on treatment, visits, comparator months.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TallyVectorised(int years, ReadOnlySpan<long> newPatients, ReadOnlySpan<double> starts, ReadOnlySpan<double> durations,
        double perInterval, double? perVisitOrNull, ReadOnlySpan<double> comparator, Span<double> sums)
    {
        bool costs = perVisitOrNull is not null;
        double perVisit = perVisitOrNull ?? 1;
        var vPerInterval = Vector256.Create(perInterval);
        var vPerVisit = Vector256.Create(perVisit);
        var perMonth = Vector256.Create(1 / DaysPerMonth);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var firstLane = Vector256.Create(-1L, 0, 0, 0).AsDouble();

        int stride = sums.Length / 4;
        sums.Clear();
        var doseSums = sums.Slice(0, stride);
        var treatedSums = sums.Slice(stride, stride);
        var visitSums = sums.Slice(2 * stride, stride);
        var monthSums = sums.Slice(3 * stride, stride);

        int patient = 0;
        for (int t = 0; t < years; t++)
        {
            int last = patient + (int)newPatients[t];
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
                    double start = starts[i], days = durations[i];
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
    }

    /// <summary>
    /// The reference tally: patient by patient, year by year from the start year.
    /// <code>
    /// doses:  upTo(y) = clamp(⌈((y + 1)·365.25 − start)/interval⌉, 0, total); in year y: upTo(y) − upTo(y − 1)
    /// visits: min(⌈((y + 1)·365.25 − start)/every⌉, visits) less the same at the year before (0 in the start year)
    /// months: max(0, min(comparator end, (y + 1)·365.25) − (start year ? start : y·365.25)) · (1 / 30.4375)
    /// </code>
    /// Visits and months only for the years from the start year up to the first whose end is at or after the later of
    /// the two worlds' ends (the other years give 0). Same layout of <paramref name="sums"/> as <see cref="TallyVectorised"/>.
    /// </summary>
    internal static void TallyScalar(int years, ReadOnlySpan<long> newPatients, ReadOnlySpan<double> starts,
        ReadOnlySpan<double> durations, double perInterval, double? perVisitOrNull, ReadOnlySpan<double> comparator, Span<double> sums)
    {
        int stride = sums.Length / 4;
        sums.Clear();
        double perMonth = 1 / DaysPerMonth;
        int patient = 0;
        for (int t = 0; t < years; t++)
        {
            for (long n = 0; n < newPatients[t]; n++, patient++)
            {
                double start = starts[patient], days = durations[patient];
                double totalDoses = Math.Ceiling(days * perInterval);
                double dosesBefore = 0;
                for (int y = t; y < years; y++)
                {
                    double upTo = Math.Clamp(Math.Ceiling(((y + 1) * DaysPerYear - start) * perInterval), 0, totalDoses);
                    double inYear = upTo - dosesBefore;
                    sums[y] += inYear;
                    if (inYear > 0) sums[stride + y] += 1;
                    dosesBefore = upTo;
                }
                if (perVisitOrNull is not { } perVisit) continue;

                double comparatorEnd = start + comparator[patient];
                double end = start + days > comparatorEnd ? start + days : comparatorEnd;
                double visitCount = Math.Ceiling(days * perVisit);
                double visitsBefore = 0;
                for (int y = t; y < years && (y == t || end > y * DaysPerYear); y++)
                {
                    double yearEnd = (y + 1) * DaysPerYear;
                    double visitsUpTo = Math.Min(Math.Ceiling((yearEnd - start) * perVisit), visitCount);
                    sums[2 * stride + y] += visitsUpTo - visitsBefore;
                    visitsBefore = visitsUpTo;
                    double month = (Math.Min(comparatorEnd, yearEnd) - (y == t ? start : y * DaysPerYear)) * perMonth;
                    if (month > 0) sums[3 * stride + y] += month;
                }
            }
        }
    }

    /// <summary>
    /// Turns draws (uniforms on (0, 1), or standard normals for the log-normal) into durations in days, in place, four at
    /// a time; <paramref name="draws"/> is a multiple of 4 long. <paramref name="median"/> is in days.
    /// </summary>
    public static void Durations(DurationKind kind, double median, double spread, Span<double> draws)
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
    private int EnsureCapacity(long patients)
    {
        if (patients > MaxTreatedPerIteration)
            throw new SimulationLimitException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{patients:N0} patients started treatment in one iteration of one indication over the horizon; the engine " +
                $"follows at most {MaxTreatedPerIteration:N0} (each patient's doses are simulated): reduce the population, " +
                $"the incidence or its growth, or the horizon"));
        int count = (int)patients;
        int padded = (count + 3) & ~3;
        if (padded > _days.Length)
        {
            int size = Math.Max(padded, 2 * _days.Length);
            _start = new double[size];
            _days = new double[size];
        }
        _days.AsSpan(count, padded - count).Fill(0.5);
        Count = count;
        return count;
    }
}
