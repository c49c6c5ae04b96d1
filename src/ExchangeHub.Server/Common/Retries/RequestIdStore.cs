using System.Data.Common;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// The <c>request_ids</c> table (Storage/RequestIdRow). Each write is its own short transaction on the writer: the
/// handler of the call runs between the claim and the reply in transactions of its own (README, "Retries", on what a
/// crash between the two means).
/// </summary>
public sealed class RequestIdStore(HubDatabase database, TimeProvider clock)
{
    /// <summary>The stored request id; null when there is none.</summary>
    public async Task<StoredRequest?> FindAsync(RequestKey key, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        var select = lease.Command("SELECT request_sha256, reply FROM request_ids "
                + "WHERE agency_id = @agency_id AND method = @method AND request_id = @request_id", 0);
        Bind(select, key);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StoredRequest(reader.GetString(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1))
            : null;
    }

    /// <summary>Records that the call with <paramref name="requestSha256"/> runs under the id (the unique key: one row per id).</summary>
    public Task ClaimAsync(RequestKey key, string requestSha256, CancellationToken ct) =>
        WriteAsync("INSERT INTO request_ids (agency_id, method, request_id, request_sha256, state, created_at_unix_ms) "
            + "VALUES (@agency_id, @method, @request_id, @request_sha256, @state, @now) "
            + "ON CONFLICT (agency_id, method, request_id) DO NOTHING", key, command => command
            .With("@request_sha256", requestSha256)
            .With("@state", StoredRequestIdState.Running)
            .With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds()), ct);

    /// <summary>Stores the first reply; from now on every retry gets it.</summary>
    public Task ReplyAsync(RequestKey key, byte[] reply, CancellationToken ct) =>
        WriteAsync("UPDATE request_ids SET state = @state, status_code = 0, reply = @reply, replied_at_unix_ms = @now "
            + "WHERE agency_id = @agency_id AND method = @method AND request_id = @request_id", key, command => command
            .With("@state", StoredRequestIdState.Replied)
            .With("@reply", reply)
            .With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds()), ct);

    /// <summary>Forgets a claim whose call ended in an error: nothing was stored for it, so the id is free again.</summary>
    public Task ReleaseAsync(RequestKey key, CancellationToken ct) =>
        WriteAsync("DELETE FROM request_ids WHERE agency_id = @agency_id AND method = @method AND request_id = @request_id AND state = @state",
            key, command => command.With("@state", StoredRequestIdState.Running), ct);

    /// <summary>Deletes the request ids created longer than <paramref name="keepFor"/> ago; returns how many.</summary>
    public async Task<int> SweepAsync(TimeSpan keepFor, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        var deleted = await lease.Command("DELETE FROM request_ids WHERE created_at_unix_ms < @before", 0)
            .With("@before", (clock.GetUtcNow() - keepFor).ToUnixTimeMilliseconds())
            .ExecuteNonQueryAsync(ct);
        await lease.CommitAsync(ct);
        return deleted;
    }

    private async Task WriteAsync(string sql, RequestKey key, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        var command = lease.Command(sql, 0);
        bind(Bind(command, key));
        await command.ExecuteNonQueryAsync(ct);
        await lease.CommitAsync(ct);
    }

    private static DbCommand Bind(DbCommand command, RequestKey key) => command
        .With("@agency_id", key.AgencyId)
        .With("@method", key.Method)
        .With("@request_id", key.RequestId);
}
