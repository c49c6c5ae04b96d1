using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Synthetic;

/// <summary>
/// The tax bureaus' settlement status of every unit-month: on time SETTLED, ARREARS or DEFERRED as planned; late,
/// revision 2 SETTLED for the months of the units that paid up (the refund held for a deferral is released). A month
/// in which nobody works for the unit (its staff all gone) has no status: nothing was due.
/// </summary>
internal sealed class SettlementRecords(Population population, Calendar calendar, ContributionLines lines, string tag)
{
    public IEnumerable<SettlementStatusRecord> Records(SimulationPass pass)
    {
        foreach (var unit in population.Units)
        {
            for (var month = 1; month <= 12; month++)
            {
                if (!population.IsStaffed(unit.Index, month))
                {
                    continue;
                }
                if (pass == SimulationPass.OnTime)
                {
                    var status = !unit.IsUnpaid(month) ? SettlementStatus.Settled
                        : unit.SettlementPlan is SettlementPlan.ArrearsCleared or SettlementPlan.ArrearsOpen ? SettlementStatus.Arrears
                        : SettlementStatus.Deferred;
                    yield return Record(unit, month, 1, status, calendar.DueDate(month));
                }
                else if (unit.IsUnpaid(month) && unit.ClearsLater)
                {
                    yield return Record(unit, month, 2, SettlementStatus.Settled, lines.PaidUpDate(unit));
                }
            }
        }
    }

    public long Count(SimulationPass pass) => Records(pass).LongCount();

    private SettlementStatusRecord Record(SyntheticUnit unit, int month, int revision, SettlementStatus status, DateOnly date) => new()
    {
        SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"{tag}-S{calendar.PeriodKey(month)}-{unit.Index}"),
        Revision = revision,
        Uscc = unit.Uscc,
        Period = calendar.Period(month),
        Status = status,
        StatusDate = Calendar.Format(date),
    };
}
