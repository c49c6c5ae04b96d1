using System.Data.Common;
using System.Globalization;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Transfers;

/// <summary>The read side of transfers, on reader connections: records, never contract messages (those are <see cref="TransferRecords"/>).</summary>
public sealed class TransferQueries(HubDatabase database)
{
    private const string CaseSelect = $"SELECT {TransferRows.CaseColumns}";

    public async Task<StoredTransfer?> GetAsync(string transferId, CancellationToken ct) =>
        (await ListAsync($"{CaseSelect} WHERE transfer_id = @transfer_id", c => c.With("@transfer_id", transferId), r => TransferRows.Case(r), ct))
        .SingleOrDefault();

    /// <summary>A person's transfers by pseudonymous key, by request date.</summary>
    public Task<List<StoredTransfer>> OfPersonAsync(string personKey, CancellationToken ct) =>
        ListAsync($"{CaseSelect} WHERE person_key = @person_key ORDER BY requested_on, id", c => c.With("@person_key", personKey),
            r => TransferRows.Case(r), ct);

    /// <summary>Transfer-outs still REQUESTED after their due date (before <paramref name="today"/>) and not yet announced.</summary>
    public Task<List<StoredTransfer>> OutsPastDueAsync(DateOnly today, CancellationToken ct) =>
        ListAsync($"{CaseSelect} WHERE direction = @direction AND status = @status AND deadline_notified = FALSE AND due_on < @today ORDER BY id",
            c => c.With("@direction", TransferCodes.Name(TransferCaseDirection.Out)).With("@status", TransferCodes.Name(TransferCaseStatus.Requested))
                .With("@today", today),
            r => TransferRows.Case(r), ct);

    /// <summary>
    /// The hub's own status changes after <paramref name="afterCursor"/>, in order: each case the hub created is one
    /// change (a transfer-out REQUESTED, an incoming request ACCEPTED or REFUSED); the cursor is the case's row id.
    /// </summary>
    public Task<List<HubTransferUpdate>> HubUpdatesAsync(long afterCursor, int limit, CancellationToken ct) =>
        ListAsync($"SELECT id, {TransferRows.CaseColumns} WHERE id > @after ORDER BY id LIMIT {limit.ToString(CultureInfo.InvariantCulture)}",
            c => c.With("@after", afterCursor),
            r =>
            {
                var transfer = TransferRows.Case(r, 1);
                return new HubTransferUpdate(r.GetInt64(0), transfer, TransferTransitions.HubStatus(transfer.Direction, transfer.ReasonCode));
            }, ct);

    private async Task<List<T>> ListAsync<T>(string sql, Func<DbCommand, DbCommand> bind, Func<DbDataReader, T> row, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader));
        }
        return rows;
    }
}
