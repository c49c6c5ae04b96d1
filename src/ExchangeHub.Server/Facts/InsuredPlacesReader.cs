using System.Globalization;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A person's insured places: the XPCC's months (REGULAR and BACK_PAYMENT contribution lines of any unit) and the
/// insured periods of each transfer in, one place per transfer. Benefits (1.(4)) and transfers (2.(4)) read them here.
/// </summary>
public sealed class InsuredPlacesReader(HubDatabase database)
{
    /// <summary>The place code of months insured in the XPCC itself.</summary>
    public const string LocalPlace = "66";

    private const string LinesSql =
        $"SELECT DISTINCT period FROM contribution_lines WHERE kind IN {StoredLineKind.InsuredKindsSql} AND resident_id = @p0";

    private static readonly string TransfersSql = string.Create(CultureInfo.InvariantCulture,
        $"SELECT source_record_id, counterpart_province_code, insured_periods FROM transfer_requests WHERE direction = {StoredTransferDirection.In} AND resident_id = @p0");

    /// <summary>The claimant's insured places: the XPCC's months, then each transfer in as its own place (overlaps count once in the engine).</summary>
    public async Task<List<InsuredPlace>> PlacesAsync(string residentId, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        var local = new HashSet<YearMonth>();
        await DbRows.ForEachAsync(connection, LinesSql, [residentId], r =>
        {
            var period = r.GetInt32(0);
            local.Add(new YearMonth(period / 100, period % 100));
        }, ct);
        var places = new List<InsuredPlace> { new(LocalPlace, local) };
        await DbRows.ForEachAsync(connection, TransfersSql, [residentId], r =>
            places.Add(new InsuredPlace($"{r.GetString(1)}:{r.GetString(0)}", Ranges(r.GetString(2)))), ct);
        return places;
    }

    /// <summary>Canonical transfer periods "201901-202012,202103-202106" → each month once.</summary>
    private static HashSet<YearMonth> Ranges(string ranges)
    {
        var months = new HashSet<YearMonth>();
        foreach (var range in ranges.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = int.Parse(range.AsSpan(0, 6), CultureInfo.InvariantCulture);
            var to = int.Parse(range.AsSpan(7, 6), CultureInfo.InvariantCulture);
            for (var m = new YearMonth(from / 100, from % 100); m <= new YearMonth(to / 100, to % 100); m = m.AddMonths(1))
            {
                months.Add(m);
            }
        }
        return months;
    }
}
