using System.Globalization;
using ExchangeHub.Benchmarks.Data;
using ExchangeHub.V1;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// The tax bureau's settlement status of every unit-month of the data set: SETTLED on the 10th of the following
/// month, except one ARREARS month for units with <c>unit % 100 == 17</c> and one DEFERRED month for units with
/// <c>unit % 100 == 59</c> (1% each), so the run decides some units INELIGIBLE and some HELD.
/// </summary>
internal static class SettlementRecords
{
    public static IEnumerable<PushSettlementsRequest> Batches(ContributionDataset data, int batchSize)
    {
        var request = new PushSettlementsRequest();
        for (var u = 0; u < data.Units; u++)
        {
            for (var m = 0; m < ContributionDataset.Months; m++)
            {
                request.Statuses.Add(Create(data.UnitUscc(u), u, m));
                if (request.Statuses.Count == batchSize)
                {
                    yield return request;
                    request = new PushSettlementsRequest();
                }
            }
        }

        if (request.Statuses.Count > 0)
        {
            yield return request;
        }
    }

    public static int Count(ContributionDataset data) => data.Units * ContributionDataset.Months;

    /// <summary>The status of unit <paramref name="unit"/> in month <paramref name="month"/> (0-based).</summary>
    public static SettlementStatus Status(int unit, int month)
    {
        var special = (unit / 100) % ContributionDataset.Months;
        return (unit % 100, month == special) switch
        {
            (17, true) => SettlementStatus.Arrears,
            (59, true) => SettlementStatus.Deferred,
            _ => SettlementStatus.Settled,
        };
    }

    public static int UnitsWith(SettlementStatus status, int units) =>
        Enumerable.Range(0, units).Count(u => Enumerable.Range(0, ContributionDataset.Months).Any(m => Status(u, m) == status));

    private static SettlementStatusRecord Create(string uscc, int unit, int month) => new()
    {
        SourceRecordId = string.Create(CultureInfo.InvariantCulture, $"S{unit}-{month + 1:D2}"),
        Revision = 1,
        Uscc = uscc,
        Period = ContributionDataset.Periods[month],
        Status = Status(unit, month),
        StatusDate = new DateOnly(ContributionDataset.Year, month + 1, 10).AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
