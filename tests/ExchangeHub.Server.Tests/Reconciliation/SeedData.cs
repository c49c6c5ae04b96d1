using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// Units for the 2024 refund programme (assessment year 2023), pushed through the real feeds. Each unit has
/// <see cref="Persons"/> insured persons paying 1,500 + 1,500 fen on a 300,000 fen wage base every month of 2023.
/// </summary>
public static class SeedData
{
    public const int Persons = 20;

    /// <summary>One unit's regular year: base = 20 persons × 12 months × 3,000 fen = 720,000 fen.</summary>
    public const long YearBaseFen = Persons * 12 * 3000L;

    public static IEnumerable<ContributionLine> YearOfLines(int unit, string prefix)
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var person = 0; person < Persons; person++)
            {
                var line = Records.Line($"{prefix}-u{unit}-m{month}-p{person}", unit, (unit * 100) + person, $"2023-{month:D2}");
                line.ReceivedDate = month == 12 ? "2024-01-15" : $"2023-{month + 1:D2}-15";
                yield return line;
            }
        }
    }

    public static IEnumerable<SettlementStatusRecord> YearOfSettlements(int unit, string prefix, Func<int, SettlementStatus>? status = null)
    {
        for (var month = 1; month <= 12; month++)
        {
            var record = Records.Settlement($"{prefix}-s{unit}-m{month}", unit, $"2023-{month:D2}", status?.Invoke(month) ?? SettlementStatus.Settled);
            record.StatusDate = month == 12 ? "2024-01-20" : $"2023-{month + 1:D2}-20";
            yield return record;
        }
    }

    public static UnitRecord Unit(int unit, string prefix, Action<UnitRecord>? change = null)
    {
        var record = Records.Unit($"{prefix}-unit{unit}", unit);
        record.Employees = Persons;
        change?.Invoke(record);
        return record;
    }

    public static async Task PushAsync(GrpcChannel tax, GrpcChannel market, IEnumerable<UnitRecord> units,
        IEnumerable<ContributionLine> lines, IEnumerable<SettlementStatusRecord> settlements)
    {
        var unitList = units.ToList();
        if (unitList.Count > 0)
        {
            Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(market, unitList)).Rejected);
        }
        foreach (var batch in lines.Chunk(5000))
        {
            Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(tax, batch)).Rejected);
        }
        foreach (var batch in settlements.Chunk(5000))
        {
            Assert.Equal(0, (await Infrastructure.Feeds.PushSettlementsAsync(tax, batch)).Rejected);
        }
    }
}
