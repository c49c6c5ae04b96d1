using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// The national transfer system's requests (2.(4)) for about 1.5% of the persons: periods insured in another
/// province moving in, or — for some of those who lost their job — the assessment year's months moving out.
/// </summary>
internal sealed class TransferRequests(Population population, Calendar calendar, string tag)
{
    private const int PerMille = 15;

    private static readonly string[] Provinces =
        ["11", "12", "13", "14", "21", "31", "32", "33", "34", "35", "37", "41", "42", "43", "44", "50", "51", "61", "62", "63", "64", "65"];

    public IEnumerable<TransferRequestRecord> Records()
    {
        for (var p = 0; p < population.Persons; p++)
        {
            var h = SplitMix64.Hash(population.Scale.Seed, 11, (ulong)p);
            if (h % 1000 < PerMille)
            {
                yield return Record(p, new SplitMix64(h));
            }
        }
    }

    public long Count()
    {
        long count = 0;
        for (var p = 0; p < population.Persons; p++)
        {
            if (SplitMix64.Hash(population.Scale.Seed, 11, (ulong)p) % 1000 < PerMille)
            {
                count++;
            }
        }
        return count;
    }

    private TransferRequestRecord Record(int p, SplitMix64 rng)
    {
        var lostJob = population.FirstUnit[p] >= 0 && population.FirstUntil[p] < 12 && population.SecondUnit[p] < 0;
        var outgoing = lostJob && rng.Chance(600);
        var record = new TransferRequestRecord
        {
            SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"{tag}-T{p}"),
            Revision = 1,
            ResidentId = population.ResidentIds[p],
            Direction = outgoing ? TransferDirection.Out : TransferDirection.In,
            CounterpartProvinceCode = Provinces[rng.Below(Provinces.Length)],
            BenefitMonthsPaid = !outgoing && rng.Chance(150) ? rng.Between(1, 6) : 0,
            ConsolidationPlace = rng.Chance(700) ? ConsolidationPlace.LastInsured : ConsolidationPlace.HouseholdRegistration,
            RequestedDate = Calendar.Format(calendar.ProgrammeDay(rng.Below(330))),
        };
        var assessmentStart = population.Scale.AssessmentYear * 12;
        if (outgoing)
        {
            record.InsuredPeriods.Add(new MonthRange
            {
                FromPeriod = Calendar.FormatPeriod(assessmentStart),
                ToPeriod = Calendar.FormatPeriod(assessmentStart + population.FirstUntil[p] - 1),
            });
            return record;
        }
        // Earlier spells elsewhere, newest first, then written oldest first.
        var ranges = new List<MonthRange>();
        var end = assessmentStart - 1 - rng.Below(24);
        for (var i = rng.Between(1, 3); i > 0 && end >= 1999 * 12; i--)
        {
            var start = Math.Max(1999 * 12, end - rng.Between(5, 59));
            ranges.Add(new MonthRange { FromPeriod = Calendar.FormatPeriod(start), ToPeriod = Calendar.FormatPeriod(end) });
            end = start - 1 - rng.Between(1, 12);
        }
        ranges.Reverse();
        record.InsuredPeriods.AddRange(ranges);
        return record;
    }
}
