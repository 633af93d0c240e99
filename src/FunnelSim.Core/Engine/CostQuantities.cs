using System.Runtime.CompilerServices;
using FunnelSim.Compilation;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

/// <summary>
/// The quantities one indication's treated patients are costed by, per year index: monitoring visits and comparator
/// months of all patients, and the false positives' doses, visits and comparator months. Owns them and the patients'
/// comparator durations (scratch, grown on demand and reused); filled from the <see cref="TreatmentCalendar"/>.
/// </summary>
internal sealed class CostQuantities
{
    /// <summary>Quantities per year index.</summary>
    public const int PerYear = 5;
    public const int DosesFalsePositive = 0, Visits = 1, VisitsFalsePositive = 2, ComparatorMonths = 3,
        ComparatorMonthsFalsePositive = 4;

    private const double DaysPerYear = TreatmentCalendar.DaysPerYear;
    private const double DaysPerMonth = TreatmentCalendar.DaysPerMonth;

    private readonly CompiledModel _model;
    private readonly CompiledBudget _budget;
    private readonly ulong _seed;
    private readonly double[] _quantities;            // PerYear per year index
    private double[] _comparatorDays = new double[64]; // each patient's comparator duration (days)

    public CostQuantities(CompiledModel model, CompiledBudget budget, ulong seed)
    {
        _model = model;
        _budget = budget;
        _seed = seed;
        _quantities = new double[PerYear * model.Years];
    }

    /// <summary>The <see cref="PerYear"/> quantities of year index <paramref name="year"/>.</summary>
    public ReadOnlySpan<double> Year(int year) => _quantities.AsSpan(year * PerYear, PerYear);

    /// <summary>Every quantity to 0: an indication with nobody treated has none.</summary>
    public void Clear() => _quantities.AsSpan().Clear();

    /// <summary>
    /// Each of <paramref name="count"/> patients' comparator duration in days, drawn patient by patient from the
    /// comparator's own stream; padded to a multiple of 4 (the padding is harmless).
    /// </summary>
    public ReadOnlySpan<double> ComparatorDurations(int index, long iteration, ReadOnlySpan<double> start, int count)
    {
        var costs = _budget.Indications[index];
        int padded = (count + 3) & ~3;
        if (_comparatorDays.Length < padded) _comparatorDays = new double[Math.Max(padded, 2 * _comparatorDays.Length)];
        var comparator = _comparatorDays.AsSpan(0, padded);
        // Their own stream: BIZENGRI's durations and every funnel count stay exactly as without costs.
        var rng = Rng.ForStream(_seed, iteration, costs.ComparatorKey);
        if (costs.ComparatorDurationKind == DurationKind.LogNormal)
            for (int i = 0; i < count; i++) comparator[i] = rng.NextStandardNormal();
        else
            for (int i = 0; i < count; i++) comparator[i] = rng.NextOpenDouble();
        comparator[count..].Fill(0.5);
        TreatmentCalendar.Durations(costs.ComparatorDurationKind, start[costs.ComparatorDurationMedian] * DaysPerMonth,
            costs.ComparatorDurationSpread >= 0 ? start[costs.ComparatorDurationSpread] : 1, comparator);
        return comparator;
    }

    /// <summary>
    /// The quantities of indication <paramref name="index"/> from its calendar, tallied with costs against
    /// <paramref name="comparator"/> (from <see cref="ComparatorDurations"/>); <paramref name="cells"/> holds the
    /// iteration's funnel counts (its true positives treated).
    /// </summary>
    public void Count(CompiledIndication ind, int index, TreatmentCalendar calendar, ReadOnlySpan<long> newPatients,
        ReadOnlySpan<long> cells, ReadOnlySpan<double> comparator)
    {
        var q = _quantities.AsSpan();
        var visits = calendar.Visits;
        var months = calendar.ComparatorMonths;
        for (int y = 0; y < _model.Years; y++)
        {
            // Visit 0 falls on the start day, in the start year: not counted unless the schedule says so.
            q[y * PerYear + Visits] = visits[y] - (_budget.MonitoringAtStart ? 0 : newPatients[y]);
            q[y * PerYear + ComparatorMonths] = months[y];
        }
        FalsePositives(ind, index, calendar, newPatients, cells, comparator);
    }

    /// <summary>
    /// The false positives' doses, visits and comparator months per year (for <c>budgetImpactFalsePositive</c>), patient
    /// by patient in order. Which of a year's patients are the false positives does not matter (they are exchangeable):
    /// the last ones.
    /// </summary>
    private void FalsePositives(CompiledIndication ind, int index, TreatmentCalendar calendar, ReadOnlySpan<long> newPatients,
        ReadOnlySpan<long> cells, ReadOnlySpan<double> comparator)
    {
        int years = _model.Years;
        var layout = _model.Layout;
        int treatedTruePositive = CellLayout.TreatmentStart(ind) + CellLayout.TreatedNewTruePositive;
        double perDose = 1 / ind.DoseIntervalDays;
        double perVisit = 1 / _budget.MonitoringIntervalDays;
        bool baseline = _budget.MonitoringAtStart;
        var q = _quantities.AsSpan();
        var starts = calendar.Starts;
        var days = calendar.Days;
        int patient = 0;
        for (int t = 0; t < years; t++)
        {
            long truePositive = cells[layout.Cell(index, t, treatedTruePositive)];
            long count = newPatients[t];
            for (long k = truePositive; k < count; k++)
            {
                int i = patient + (int)k;
                double start = starts[i];
                FalsePositive(q, t, start, days[i], start + comparator[i], perDose, perVisit, baseline);
            }
            patient += (int)count;
        }
    }

    /// <summary>A false-positive patient's doses, visits and comparator months per year, for <c>budgetImpactFalsePositive</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FalsePositive(Span<double> q, int t, double start, double days, double comparatorEnd,
        double perDose, double perVisit, bool baseline)
    {
        long doses = (long)Math.Ceiling(days * perDose);
        long visits = (long)Math.Ceiling(days * perVisit);
        long dosesBefore = 0, visitsBefore = 0;
        if (!baseline) q[t * PerYear + VisitsFalsePositive]--;
        for (int y = t; y < _model.Years; y++)
        {
            double yearStart = y * DaysPerYear, yearEnd = (y + 1) * DaysPerYear;
            long dosesUpTo = Math.Clamp((long)Math.Ceiling((yearEnd - start) * perDose), 0, doses);
            long visitsUpTo = Math.Min((long)Math.Ceiling((yearEnd - start) * perVisit), visits);
            q[y * PerYear + DosesFalsePositive] += dosesUpTo - dosesBefore;
            q[y * PerYear + VisitsFalsePositive] += visitsUpTo - visitsBefore;
            q[y * PerYear + ComparatorMonthsFalsePositive] +=
                Math.Max(0, Math.Min(comparatorEnd, yearEnd) - Math.Max(start, yearStart)) / DaysPerMonth;
            dosesBefore = dosesUpTo;
            visitsBefore = visitsUpTo;
        }
    }
}
