using FunnelSim.Compilation;
using FunnelSim.Sampling;

namespace FunnelSim.Engine;

// Time on treatment and doses per calendar year: the patients' calendar is a TreatmentCalendar; here its tally is written
// into the cells (and, with costs, the budget's per-year quantities).
internal sealed partial class IterationRunner
{
    private const double DaysPerYear = TreatmentCalendar.DaysPerYear;
    private const double DaysPerMonth = TreatmentCalendar.DaysPerMonth;

    /// <summary>
    /// Places this year's new patients of <paramref name="ind"/> on the calendar (draws from the indication's treatment
    /// stream), tallies doses and patients on treatment per calendar year — with costs also visits and comparator months —
    /// and writes them into the cells.
    /// </summary>
    private void Treat(CompiledIndication ind, int index, long iteration)
    {
        long patients = 0;
        foreach (long n in _newPatients) patients += n;
        if (patients == 0) return;

        var rng = Rng.ForStream(_seed, iteration, ind.TreatmentKey);
        _calendar.Place(_newPatients, ref rng, ind.DurationKind, _start[ind.DurationMedian] * DaysPerMonth,
            ind.DurationSpread >= 0 ? _start[ind.DurationSpread] : 1);
        if (_budget is null)
        {
            _calendar.Tally(_newPatients, ind.DoseIntervalDays, null, default);
            WriteTreatedYears(ind, index);
            return;
        }
        var costs = _budget.Budget.Indications[index];
        var comparator = ComparatorDurations(costs, _budget, iteration, _calendar.Count);
        _calendar.Tally(_newPatients, ind.DoseIntervalDays, _budget.Budget.MonitoringIntervalDays, comparator);
        WriteTreatedYears(ind, index);
        FalsePositiveQuantities(ind, index, comparator);
    }

    /// <summary>The calendar's doses and patients on treatment into the cells; with costs, visits and comparator months into the budget's quantities.</summary>
    private void WriteTreatedYears(CompiledIndication ind, int index)
    {
        int years = _model.Years;
        var layout = _model.Layout;
        int treatment = CellLayout.TreatmentStart(ind);
        var doses = _calendar.Doses;
        var onTreatment = _calendar.OnTreatment;
        for (int y = 0; y < years; y++)
        {
            _cells[layout.YearStart(index, y) + treatment + CellLayout.Doses] = (long)doses[y];
            _cells[layout.YearStart(index, y) + treatment + CellLayout.OnTreatment] = (long)onTreatment[y];
        }
        if (_budget is null) return;
        var q = _budget.Quantities.AsSpan();
        var visits = _calendar.Visits;
        var months = _calendar.ComparatorMonths;
        const int Q = BudgetState.YearQuantities;
        for (int y = 0; y < years; y++)
        {
            // Visit 0 falls on the start day, in the start year: not counted unless the schedule says so.
            q[y * Q + BudgetState.Visits] = visits[y] - (_budget.Budget.MonitoringAtStart ? 0 : _newPatients[y]);
            q[y * Q + BudgetState.ComparatorMonths] = months[y];
        }
    }
}
