using System.Data.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// The one reader of the national transfer system's requests (issue 11: only Facts/ reads the stored feeds that
/// decisions are taken from), each in its version known at T (<see cref="FactsSql.TransferRequests"/>): one request by
/// its source record id, on a reader connection or inside a writer's transaction, and the incoming requests still
/// without a case or a deadline notice. Direction is the feed's stored number (<see cref="StoredTransferDirection"/>).
/// </summary>
public sealed class TransferRequestsReader(HubDatabase database)
{
    private static string Select(StorageProvider provider) =>
        "SELECT r.source_record_id, r.resident_id, r.counterpart_province_code, r.consolidation_place, r.requested_date "
        + $"FROM {FactsSql.TransferRequests(provider)} r WHERE r.direction = @direction";

    /// <summary>One request per transfer id: the first stored (several agencies could send the same id).</summary>
    private static string ByIdSql(StorageProvider provider) => Select(provider) + " AND r.source_record_id = @transfer_id ORDER BY r.id LIMIT 1";

    private static string UndecidedSql(StorageProvider provider) => Select(provider) + " AND r.requested_date < @before "
        + "AND NOT EXISTS (SELECT 1 FROM transfer_cases c WHERE c.transfer_id = r.source_record_id) "
        + "AND NOT EXISTS (SELECT 1 FROM transfer_deadline_notices n WHERE n.transfer_id = r.source_record_id) ORDER BY r.id";

    /// <summary>The request <paramref name="transferId"/> of <paramref name="direction"/> as known at <paramref name="knownAtUnixMs"/>; null if there is none.</summary>
    public async Task<FeedTransferRequest?> RequestAsync(string transferId, int direction, long knownAtUnixMs, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = ByIdSql(database.Provider);
        return (await ReadAsync(ById(command, transferId, direction, knownAtUnixMs), ct)).SingleOrDefault();
    }

    /// <summary>The same inside the lease's open transaction (a decision stored with what it was decided on).</summary>
    public static async Task<FeedTransferRequest?> RequestAsync(WriterLease lease, string transferId, int direction, long knownAtUnixMs,
        CancellationToken ct) =>
        (await ReadAsync(ById(lease.Command(ByIdSql(lease.Provider), 0), transferId, direction, knownAtUnixMs), ct)).SingleOrDefault();

    /// <summary>
    /// Incoming requests known at <paramref name="knownAtUnixMs"/>, requested before <paramref name="before"/>, that have
    /// no transfer case yet (neither accepted nor refused) and no deadline notice, in the order stored.
    /// </summary>
    public async Task<List<FeedTransferRequest>> UndecidedIncomingAsync(DateOnly before, long knownAtUnixMs, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = UndecidedSql(database.Provider);
        return await ReadAsync(command.With("@direction", StoredTransferDirection.In).With("@before", before).With("@t", knownAtUnixMs), ct);
    }

    private static DbCommand ById(DbCommand command, string transferId, int direction, long knownAtUnixMs) =>
        command.With("@transfer_id", transferId).With("@direction", direction).With("@t", knownAtUnixMs);

    private static async Task<List<FeedTransferRequest>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var requests = new List<FeedTransferRequest>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            requests.Add(new FeedTransferRequest(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateOnly>(4)));
        }
        return requests;
    }
}
