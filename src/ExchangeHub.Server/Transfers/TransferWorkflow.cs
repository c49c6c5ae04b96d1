using System.Data.Common;
using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Calendar;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// Cross-province transfers with the national transfer system (2.(4) TRANSFER): the operator accepts or refuses an
/// incoming request (refusals carry a concrete reason code), the hub requests a transfer-out with its fund amount, and
/// the national system reports statuses (and watches the hub's own, <see cref="HubUpdatesAsync"/>). The hub acts within
/// <see cref="ActWorkingDays"/> working days of a request (national and Xinjiang calendar of the policy file); a
/// transfer-out still REQUESTED, or an incoming request still undecided, after its due date is announced once
/// (<c>TransferDeadlineMissed</c>). Each change is stored with its event in one transaction. A completed
/// transfer-in recalculates the person's running benefits (<see cref="IBenefitRecalculation"/>). One
/// change at a time per hub.
/// </summary>
public sealed class TransferWorkflow(
    HubDatabase database,
    InsuredPlacesReader insuredPlaces,
    IBenefitRecalculation benefits,
    PersonKey personKey,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    PolicySet policy,
    TimeProvider clock,
    ILogger<TransferWorkflow> logger) : IDisposable
{
    public const string In = "IN";
    public const string Out = "OUT";
    public const string Requested = "REQUESTED";
    public const string Accepted = "ACCEPTED";
    public const string Sent = "SENT";
    public const string Received = "RECEIVED";
    public const string Completed = "COMPLETED";
    public const string Refused = "REFUSED";

    /// <summary>Working days the transferring-out side has to act (2.(4) practice).</summary>
    public const int ActWorkingDays = 5;

    /// <summary>The regional calendar besides the national one.</summary>
    public const string CalendarRegion = "xinjiang";

    private const string Columns =
        "transfer_id, direction, person_key, resident_id, counterpart_province_code, status, reason_code, months_paid_here, fund_amount_fen, "
        + "requested_on, due_on, deadline_notified FROM transfer_cases";

    private readonly ClusterMutex _oneAtATime = new(database, "transfers");
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.For(policy, CalendarRegion);

    private string PolicyVersion => policy.Stamp();

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Today in China Standard Time.</summary>
    public DateOnly Today => clock.ChinaToday();

    /// <summary>The last day to act on a transfer-out requested on <paramref name="requestedOn"/>; null without a calendar for the period.</summary>
    public DateOnly? DueOn(DateOnly requestedOn) =>
        _calendar.TryAddWorkingDays(requestedOn, ActWorkingDays, out var due) ? due : null;

    /// <summary>Accepts the incoming request stored through the transfer feed under <paramref name="transferId"/>.</summary>
    public Task<StoredTransfer> AcceptAsync(string transferId, CancellationToken ct) => DecideIncomingAsync(transferId, null, ct);

    /// <summary>Refuses the incoming request with a concrete reason code (<see cref="TransferReasonCodes"/>).</summary>
    public Task<StoredTransfer> RefuseAsync(string transferId, string reasonCode, CancellationToken ct) => DecideIncomingAsync(transferId, reasonCode, ct);

    /// <summary>
    /// Requests a transfer-out: the months paid here are the person's distinct REGULAR and BACK_PAYMENT months in the
    /// XPCC; the fund amount follows <see cref="TransferFund"/>.
    /// </summary>
    public Task<StoredTransfer> RequestOutAsync(string residentId, string counterpartProvinceCode, string consolidationPlace, long monthlyBenefitFen,
        int monthsDue, DateOnly requestedOn, CancellationToken ct) =>
        RequestOutAsync(Guid.NewGuid().ToString("D"), residentId, counterpartProvinceCode, consolidationPlace, monthlyBenefitFen, monthsDue, requestedOn, ct);

    /// <summary>
    /// Requests the transfer-out the national system asked for (a direction-OUT record of the transfer feed, by its
    /// source record id): person, counterpart, consolidation place and request date come from that record; the transfer
    /// keeps its id.
    /// </summary>
    public async Task<StoredTransfer> RequestOutFromFeedAsync(string transferId, long monthlyBenefitFen, int monthsDue, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT resident_id, counterpart_province_code, consolidation_place, requested_date FROM transfer_requests "
            + "WHERE source_record_id = @p0 AND direction = 2 ORDER BY id LIMIT 1";
        var p = command.CreateParameter();
        p.ParameterName = "@p0";
        p.Value = transferId;
        command.Parameters.Add(p);
        string residentId, province, place;
        DateOnly requestedOn;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new KeyNotFoundException($"no transfer-out request {transferId}");
            }
            (residentId, province, requestedOn) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(3));
            place = reader.GetInt32(2) == 2 ? "HOUSEHOLD_REGISTRATION" : "LAST_INSURED";
        }
        return await RequestOutAsync(transferId, residentId, province, place, monthlyBenefitFen, monthsDue, requestedOn, ct);
    }

    private async Task<StoredTransfer> RequestOutAsync(string transferId, string residentId, string counterpartProvinceCode, string consolidationPlace,
        long monthlyBenefitFen, int monthsDue, DateOnly requestedOn, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var places = await insuredPlaces.PlacesAsync(residentId, ct);
            var paidHere = places.Single(p => p.PlaceCode == InsuredPlacesReader.LocalPlace).Months.Count;
            var transfer = new StoredTransfer(transferId, Out, personKey.Of(residentId), residentId, counterpartProvinceCode, Requested,
                null, paidHere, TransferFund.Amount(paidHere, monthlyBenefitFen, monthsDue), requestedOn, DueOn(requestedOn), false);
            var now = clock.GetUtcNow();
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                if (await FindAsync(lease, transferId, ct) is { } existing)
                {
                    throw new ActionRefusedException($"transfer {transferId} was already requested: {existing.Status}");
                }
                await InsertAsync(lease, transfer, now, ct);
                await outbox.EnqueueAsync(lease, TransferEvents.OutRequested(transfer, consolidationPlace, monthlyBenefitFen, monthsDue, policy.Id,
                    PolicyVersion, Guid.NewGuid().ToString("D"), now), ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer-out {TransferId} of person {PersonKey} requested to {Province}, fund {Fund} fen", transfer.TransferId,
                    transfer.PersonKey, counterpartProvinceCode, transfer.FundAmountFen);
            }
            return transfer;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <summary>
    /// Applies a status from the national system. The same status again: no change (false). A status may only move forward
    /// (SENT, RECEIVED, then COMPLETED or REFUSED); COMPLETED and REFUSED are final. A completed transfer-in recalculates
    /// running benefits after the change is stored.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(string transferId, string status, string? reasonCode, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        StoredTransfer current;
        try
        {
            var now = clock.GetUtcNow();
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                current = await FindAsync(lease, transferId, ct) ?? throw new KeyNotFoundException($"no transfer {transferId}");
                if (current.Status == status && current.ReasonCode == reasonCode)
                {
                    await lease.CommitAsync(ct);
                    return false;
                }
                if (Rank(status) <= Rank(current.Status))
                {
                    throw new ActionRefusedException($"transfer {transferId} is {current.Status}; it cannot become {status}");
                }
                await SetStatusAsync(lease, transferId, status, reasonCode, now, ct);
                await outbox.EnqueueAsync(lease, TransferEvents.StatusChanged(current, status, reasonCode, policy.Id, PolicyVersion,
                    Guid.NewGuid().ToString("D"), now), ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer {TransferId} of person {PersonKey}: {Old} → {New}", transferId, current.PersonKey, current.Status, status);
            }
        }
        finally
        {
            await held.DisposeAsync();
        }
        if (current.Direction == In && status == Completed)
        {
            var (claims, recalculated) = await benefits.RecalculatePersonAsync(current.ResidentId, ct);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer-in {TransferId} completed: {Recalculated} of {Claims} running benefits recalculated", transferId,
                    recalculated, claims);
            }
        }
        return true;
    }

    /// <summary>
    /// Publishes <c>TransferDeadlineMissed</c> once for every transfer-out still REQUESTED after its due date and every
    /// incoming request neither accepted nor refused by its due date; returns how many.
    /// </summary>
    public async Task<int> SendDeadlineNoticesAsync(CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var today = Today;
            var correlationId = Guid.NewGuid().ToString("D");
            var outs = await ReadAsync($"SELECT {Columns} WHERE direction = 'OUT' AND status = 'REQUESTED' AND deadline_notified = FALSE AND due_on < @p0 "
                + "ORDER BY id", today, ct);
            var ins = (await UndecidedIncomingAsync(today, ct)).Where(t => t.DueOn < today).ToList();
            var sent = 0;
            foreach (var transfer in outs.Concat(ins))
            {
                var now = clock.GetUtcNow();
                await using var lease = await database.AcquireWriterAsync(ct);
                await lease.BeginAsync(ct);
                var mark = transfer.Direction == Out
                    ? lease.Command("UPDATE transfer_cases SET deadline_notified = TRUE WHERE transfer_id = @p0 AND deadline_notified = FALSE AND status = 'REQUESTED'", 1)
                    : lease.Command("INSERT INTO transfer_deadline_notices (transfer_id, due_on, notified_at_unix_ms) VALUES (@p0, @p1, @p2) "
                        + "ON CONFLICT (transfer_id) DO NOTHING", 3);
                mark.Parameters[0].Value = transfer.TransferId;
                if (transfer.Direction == In)
                {
                    mark.Parameters[1].Value = transfer.DueOn!.Value;
                    mark.Parameters[2].Value = now.ToUnixTimeMilliseconds();
                }
                // The guard makes the notice once, also with several hubs on one database.
                if (await mark.ExecuteNonQueryAsync(ct) == 1)
                {
                    await outbox.EnqueueAsync(lease, TransferEvents.DeadlineMissed(transfer, today, policy.Id, PolicyVersion, correlationId, now), ct);
                    sent++;
                }
                await lease.CommitAsync(ct);
            }
            if (sent > 0)
            {
                outboxSignal.Notify();
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Count} transfers not acted on by their due date announced", sent);
                }
            }
            return sent;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <summary>
    /// Incoming requests of the transfer feed requested before <paramref name="today"/> that have no case yet (neither
    /// accepted nor refused) and no deadline notice, with their due date (5 working days after the request).
    /// </summary>
    private async Task<List<StoredTransfer>> UndecidedIncomingAsync(DateOnly today, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.source_record_id, r.resident_id, r.counterpart_province_code, r.requested_date FROM transfer_requests r "
            + "WHERE r.direction = 1 AND r.requested_date < @p0 "
            + "AND NOT EXISTS (SELECT 1 FROM transfer_cases c WHERE c.transfer_id = r.source_record_id) "
            + "AND NOT EXISTS (SELECT 1 FROM transfer_deadline_notices n WHERE n.transfer_id = r.source_record_id) ORDER BY r.id";
        var p = command.CreateParameter();
        p.ParameterName = "@p0";
        p.Value = today;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var pending = new List<StoredTransfer>();
        while (await reader.ReadAsync(ct))
        {
            var requestedOn = reader.GetFieldValue<DateOnly>(3);
            if (DueOn(requestedOn) is { } due)
            {
                pending.Add(new StoredTransfer(reader.GetString(0), In, personKey.Of(reader.GetString(1)), reader.GetString(1), reader.GetString(2),
                    Received, null, 0, 0, requestedOn, due, false));
            }
        }
        return pending;
    }

    /// <summary>
    /// The hub's own status changes after <paramref name="afterCursor"/>, in order: each case the hub created is one
    /// change (a transfer-out REQUESTED, an incoming request ACCEPTED or REFUSED); the cursor is the case's row id.
    /// </summary>
    public async Task<List<(long Cursor, StoredTransfer Transfer, string Status)>> HubUpdatesAsync(long afterCursor, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, {Columns} WHERE id > @p0 ORDER BY id LIMIT {limit}";
        var p = command.CreateParameter();
        p.ParameterName = "@p0";
        p.Value = afterCursor;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var updates = new List<(long, StoredTransfer, string)>();
        while (await reader.ReadAsync(ct))
        {
            var transfer = Read(reader, 1);
            var status = transfer.Direction == Out ? Requested : transfer.ReasonCode is null ? Accepted : Refused;
            updates.Add((reader.GetInt64(0), transfer, status));
        }
        return updates;
    }

    public async Task<StoredTransfer?> GetAsync(string transferId, CancellationToken ct) =>
        (await ReadAsync($"SELECT {Columns} WHERE transfer_id = @p0", transferId, ct)).SingleOrDefault();

    /// <summary>A person's transfers by pseudonymous key, by request date.</summary>
    public Task<List<StoredTransfer>> OfPersonAsync(string personKey, CancellationToken ct) =>
        ReadAsync($"SELECT {Columns} WHERE person_key = @p0 ORDER BY requested_on, id", personKey, ct);

    private async Task<List<StoredTransfer>> ReadAsync(string sql, object value, CancellationToken ct)
    {
        await using var connection = await database.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "@p0";
        p.Value = value;
        command.Parameters.Add(p);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var transfers = new List<StoredTransfer>();
        while (await reader.ReadAsync(ct))
        {
            transfers.Add(Read(reader));
        }
        return transfers;
    }

    private async Task<StoredTransfer> DecideIncomingAsync(string transferId, string? reasonCode, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            StoredTransfer transfer;
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                var existing = await FindAsync(lease, transferId, ct);
                if (existing is not null)
                {
                    throw new ActionRefusedException($"transfer {transferId} was already decided: {existing.Status}");
                }
                var request = lease.Command(
                    "SELECT resident_id, counterpart_province_code, requested_date FROM transfer_requests WHERE source_record_id = @p0 AND direction = 1 ORDER BY id LIMIT 1", 1);
                request.Parameters[0].Value = transferId;
                string residentId, province;
                DateOnly requestedOn;
                await using (var reader = await request.ExecuteReaderAsync(ct))
                {
                    if (!await reader.ReadAsync(ct))
                    {
                        throw new KeyNotFoundException($"no incoming transfer request {transferId}");
                    }
                    (residentId, province, requestedOn) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
                }
                transfer = new StoredTransfer(transferId, In, personKey.Of(residentId), residentId, province, reasonCode is null ? Accepted : Refused,
                    reasonCode, 0, 0, requestedOn, null, false);
                await InsertAsync(lease, transfer, now, ct);
                var correlationId = Guid.NewGuid().ToString("D");
                HubEvent e = reasonCode is null
                    ? TransferEvents.Accepted(transfer, policy.Id, PolicyVersion, correlationId, now)
                    : TransferEvents.Refused(transfer, reasonCode, policy.Id, PolicyVersion, correlationId, now);
                await outbox.EnqueueAsync(lease, e, ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer-in {TransferId} of person {PersonKey} {Status} {ReasonCode}", transferId, transfer.PersonKey, transfer.Status,
                    reasonCode ?? "");
            }
            return transfer;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    private static int Rank(string status) => status switch
    {
        Requested or Accepted => 0,
        Sent => 1,
        Received => 2,
        _ => 3,
    };

    private static async Task InsertAsync(WriterLease lease, StoredTransfer t, DateTimeOffset now, CancellationToken ct)
    {
        // With several hubs on PostgreSQL: case ids become visible in id order, so a WatchTransferUpdates cursor skips none.
        await lease.LockAsync(LockScope.TransferCases, ["transfer_cases"], ct);
        var insert = lease.Command(
            "INSERT INTO transfer_cases (transfer_id, direction, person_key, resident_id, counterpart_province_code, status, reason_code, months_paid_here, "
            + "fund_amount_fen, requested_on, due_on, deadline_notified, updated_at_unix_ms) "
            + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, FALSE, @p11)", 12);
        object?[] values =
        [
            t.TransferId, t.Direction, t.PersonKey, t.ResidentId, t.CounterpartProvinceCode, t.Status, t.ReasonCode, t.MonthsPaidHere, t.FundAmountFen,
            t.RequestedOn, t.DueOn, now.ToUnixTimeMilliseconds(),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task SetStatusAsync(WriterLease lease, string transferId, string status, string? reasonCode, DateTimeOffset now, CancellationToken ct)
    {
        var update = lease.Command("UPDATE transfer_cases SET status = @p0, reason_code = @p1, updated_at_unix_ms = @p2 WHERE transfer_id = @p3", 4);
        update.Parameters[0].Value = status;
        update.Parameters[1].Value = (object?)reasonCode ?? DBNull.Value;
        update.Parameters[2].Value = now.ToUnixTimeMilliseconds();
        update.Parameters[3].Value = transferId;
        await update.ExecuteNonQueryAsync(ct);
    }

    private static async Task<StoredTransfer?> FindAsync(WriterLease lease, string transferId, CancellationToken ct)
    {
        var select = lease.Command($"SELECT {Columns} WHERE transfer_id = @p0", 1);
        select.Parameters[0].Value = transferId;
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static StoredTransfer Read(DbDataReader r, int o = 0) => new(r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), r.GetString(o + 3),
        r.GetString(o + 4), r.GetString(o + 5), r.IsDBNull(o + 6) ? null : r.GetString(o + 6), r.GetInt32(o + 7), r.GetInt64(o + 8),
        r.GetFieldValue<DateOnly>(o + 9), r.IsDBNull(o + 10) ? null : r.GetFieldValue<DateOnly>(o + 10), r.GetBoolean(o + 11));
}
