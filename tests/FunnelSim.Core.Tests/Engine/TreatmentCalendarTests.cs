using FunnelSim.Engine;

namespace FunnelSim.Core.Tests.Engine;

/// <summary>
/// The vectorised tally of treatment calendars gives exactly the bits of the plain year-by-year reference loop, on random
/// patients (starts, durations, comparator durations), horizons, dose and visit intervals, with and without costs.
/// </summary>
public sealed class TreatmentCalendarTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheVectorisedTallyEqualsTheScalarReferenceBitForBit(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 300; trial++)
        {
            int years = random.Next(1, 12);
            var newPatients = new long[years];
            for (int t = 0; t < years; t++) newPatients[t] = random.Next(0, 4) == 0 ? 0 : random.Next(0, 25);
            int count = (int)newPatients.Sum();
            var starts = new double[count];
            var durations = new double[count];
            var comparator = new double[count];
            int i = 0;
            for (int t = 0; t < years; t++)
                for (long n = 0; n < newPatients[t]; n++, i++)
                {
                    starts[i] = (t + random.NextDouble()) * TreatmentCalendar.DaysPerYear;
                    durations[i] = Duration(random);
                    comparator[i] = Duration(random);
                }
            double perInterval = 1 / (random.Next(0, 3) == 0 ? 1 + 60 * random.NextDouble() : 14);
            double? perVisit = random.Next(0, 2) == 0 ? null : 1 / (7 + 120 * random.NextDouble());

            var vector = new double[4 * (years + 4)];
            var scalar = new double[4 * (years + 4)];
            TreatmentCalendar.TallyVectorised(years, newPatients, starts, durations, perInterval, perVisit, comparator, vector);
            TreatmentCalendar.TallyScalar(years, newPatients, starts, durations, perInterval, perVisit, comparator, scalar);

            int stride = years + 4;
            for (int q = 0; q < 4; q++)
                for (int y = 0; y < years; y++)
                    Assert.True(BitConverter.DoubleToInt64Bits(vector[q * stride + y]) == BitConverter.DoubleToInt64Bits(scalar[q * stride + y]),
                        $"seed {seed} trial {trial}, quantity {q}, year {y}: vectorised {vector[q * stride + y]:R}, scalar {scalar[q * stride + y]:R}");
        }
    }

    [Fact]
    public void APatientIsTalliedInTheYearsTheirDosesFallIn()
    {
        // Given one patient starting mid-year 0 (day 182.625), 400 days on treatment, a dose every 14 days
        var calendar = new double[4 * (3 + 4)];
        TreatmentCalendar.TallyVectorised(3, [1, 0, 0], [182.625], [400], 1.0 / 14, null, [0.0], calendar);

        // Then 29 doses in all (⌈400/14⌉): 14 before day 365.25 (days 182.6 … 364.6), 15 after; on treatment in years 0 and 1
        Assert.Equal([14.0, 15.0, 0.0], calendar[..3]);
        Assert.Equal([1.0, 1.0, 0.0], calendar[7..10]);
    }

    private static double Duration(Random random) => random.Next(0, 10) switch
    {
        0 => 0.001 + random.NextDouble(),            // under a day
        1 => 365.25 * random.Next(1, 4),             // exactly whole years
        2 => 5000 * random.NextDouble() + 0.001,     // beyond the horizon
        _ => 30 + 700 * random.NextDouble(),
    };
}
