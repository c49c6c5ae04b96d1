using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// The tax bureaus' contribution lines, month by month of the assessment year, person by person: nothing but the
/// population is held, so 2.4 million lines stream in constant memory. On time: the REGULAR line of every insured
/// person-month except unpaid (arrears, deferred) months and the few lines that arrive late. Late: those late
/// lines, back payments (补缴) and late fees (滞纳金) of the units that paid up, and corrections (revision 2).
/// </summary>
internal sealed class ContributionLines(Population population, Calendar calendar, string tag)
{
    private const int LatePerMille = 4;
    private const int CorrectedPerMille = 2;

    public IEnumerable<LineSlot> Slots(SimulationPass pass)
    {
        var units = population.Units;
        for (var month = 1; month <= 12; month++)
        {
            for (var p = 0; p < population.Persons; p++)
            {
                var u = population.UnitIn(p, month);
                if (u < 0)
                {
                    continue;
                }
                var unit = units[u];
                if (unit.IsUnpaid(month))
                {
                    if (pass == SimulationPass.Late && unit.ClearsLater)
                    {
                        yield return new LineSlot(p, month, u, LineSlotKind.BackPayment);
                        if (unit.SettlementPlan == SettlementPlan.ArrearsCleared)
                        {
                            yield return new LineSlot(p, month, u, LineSlotKind.LateFee);
                        }
                    }
                    continue;
                }
                var late = Draw(1, p, month) < LatePerMille;
                if (pass == SimulationPass.OnTime)
                {
                    if (!late)
                    {
                        yield return new LineSlot(p, month, u, LineSlotKind.Regular);
                    }
                }
                else if (late)
                {
                    yield return new LineSlot(p, month, u, LineSlotKind.LateRegular);
                }
                else if (Draw(2, p, month) < CorrectedPerMille)
                {
                    yield return new LineSlot(p, month, u, LineSlotKind.Correction);
                }
            }
        }
    }

    public ContributionLine ToRecord(LineSlot slot)
    {
        var unit = population.Units[slot.Unit];
        var wageBase = (long)population.WageBaseFen[slot.Person];
        var revision = 1;
        var received = calendar.DueDate(slot.Month);
        var kind = ContributionKind.Regular;
        var prefix = "C";
        switch (slot.Kind)
        {
            case LineSlotKind.LateRegular:
                received = received.AddMonths(2).AddDays(slot.Person % 20);
                break;
            case LineSlotKind.Correction:
                // The tax office reported the wrong wage base; the amounts follow the corrected one (1.(1)).
                var h = SplitMix64.Hash(population.Scale.Seed, 3, Key(slot.Person, slot.Month));
                var delta = 1_000 + (long)(h % 40_000);
                wageBase = (h & 1) == 0 || wageBase - delta < 300_000 ? wageBase + delta : wageBase - delta;
                revision = 2;
                break;
            case LineSlotKind.BackPayment:
                received = PaidUpDate(unit);
                kind = ContributionKind.BackPayment;
                prefix = "B";
                break;
            case LineSlotKind.LateFee:
                return LateFee(slot, unit, wageBase);
        }
        var premium = HalfPercent(wageBase);
        return new ContributionLine
        {
            SourceRecordId = SourceId(prefix, slot),
            Revision = revision,
            Uscc = unit.Uscc,
            ResidentId = population.ResidentIds[slot.Person],
            Period = calendar.Period(slot.Month),
            EmployerAmountFen = premium,
            EmployeeAmountFen = premium,
            WageBaseFen = wageBase,
            Kind = kind,
            ReceivedDate = Calendar.Format(received),
            TaxOfficeCode = unit.TaxOfficeCode,
        };
    }

    /// <summary>When a unit that paid up did so: a day in March to May of the programme year.</summary>
    public DateOnly PaidUpDate(SyntheticUnit unit) =>
        calendar.ProgrammeDay(59 + (int)(SplitMix64.Hash(population.Scale.Seed, 4, (ulong)unit.Index) % 90));

    /// <summary>round(base × 0.5%), halves up: each side's premium at the 1% rate of 1.(1).</summary>
    public static long HalfPercent(long wageBaseFen) => ((wageBaseFen * 5) + 500) / 1000;

    private ContributionLine LateFee(LineSlot slot, SyntheticUnit unit, long wageBase)
    {
        var paid = PaidUpDate(unit);
        var days = paid.DayNumber - calendar.DueDate(slot.Month).DayNumber;
        // 0.05% of the overdue premiums per day, charged to the unit; never part of a refund base (2.(1)).
        var fee = ((2 * HalfPercent(wageBase) * 5 * days) + 5_000) / 10_000;
        return new ContributionLine
        {
            SourceRecordId = SourceId("F", slot),
            Revision = 1,
            Uscc = unit.Uscc,
            ResidentId = population.ResidentIds[slot.Person],
            Period = calendar.Period(slot.Month),
            EmployerAmountFen = fee,
            EmployeeAmountFen = 0,
            Kind = ContributionKind.LateFee,
            ReceivedDate = Calendar.Format(paid),
            TaxOfficeCode = unit.TaxOfficeCode,
        };
    }

    private string SourceId(string prefix, LineSlot slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{tag}-{prefix}{calendar.PeriodKey(slot.Month)}-{slot.Person}");

    private int Draw(ulong stream, int person, int month) =>
        (int)(SplitMix64.Hash(population.Scale.Seed, stream, Key(person, month)) % 1000);

    private static ulong Key(int person, int month) => ((ulong)person << 4) | (uint)month;
}
