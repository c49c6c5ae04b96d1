using System.Globalization;
using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Calendar;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The workflow steps of 2.(1) that come from outside a run: a unit confirms (→ disbursement approved) or waives an
/// offer, and reminders fall due. Each step is one conditional update of the case plus its events, in one
/// transaction: two front offices confirming at once cannot approve twice.
/// </summary>
public sealed class RefundActions(
    HubDatabase database,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    WorkflowGate workflow,
    PolicySet policy,
    IOptions<RefundOptions> options,
    TimeProvider clock)
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.For(policy, "xinjiang");

    public async Task<long> ConfirmAsync(string uscc, int programYear, string agencyId, CancellationToken ct)
    {
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var c = await MoveAsync(lease, uscc, programYear, RefundState.Offered, RefundState.DisbursementApproved, ct);
        var (policyId, policyVersion) = await DecisionPolicyAsync(lease, c.DecisionId, ct);
        var now = clock.GetUtcNow();
        await outbox.EnqueueAsync(lease, new RefundConfirmed
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = uscc,
            CorrelationId = c.DecisionId.ToString(CultureInfo.InvariantCulture), Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            AmountFen = c.AmountFen, RecordedBy = agencyId,
        }, ct);
        await outbox.EnqueueAsync(lease, new RefundDisbursementApproved
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = uscc,
            CorrelationId = c.DecisionId.ToString(CultureInfo.InvariantCulture), Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            AmountFen = c.AmountFen,
        }, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return c.AmountFen;
    }

    public async Task<DateOnly> WaiveAsync(string uscc, int programYear, string agencyId, CancellationToken ct)
    {
        var until = ProgramEnd(programYear);
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var c = await MoveAsync(lease, uscc, programYear, RefundState.Offered, RefundState.Waived, ct);
        var (policyId, policyVersion) = await DecisionPolicyAsync(lease, c.DecisionId, ct);
        await outbox.EnqueueAsync(lease, new RefundWaived
        {
            EventId = Guid.NewGuid(), OccurredAt = clock.GetUtcNow(), PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = uscc,
            CorrelationId = c.DecisionId.ToString(CultureInfo.InvariantCulture), Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            MayApplyUntil = until, RecordedBy = agencyId,
        }, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return until;
    }

    /// <summary>
    /// Publishes the reminders due today for offers nobody answered: the unit has the offer day's next
    /// <see cref="RefundOptions.ReminderAfterWorkingDays"/> working days to answer; the reminder goes out on the day
    /// after the last of them (and again that many working days after each reminder, up to the limit). Returns how many.
    /// </summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken ct)
    {
        var today = clock.ChinaToday();
        var due = new List<(string Uscc, int Year, long DecisionId, long AmountFen, DateOnly OfferedOn, int Sent)>();
        await using (var connection = await database.OpenReaderAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT uscc, program_year, current_decision_id, approved_amount_fen, offered_on, reminders_sent, last_reminder_on "
                + "FROM refund_cases WHERE state = @offered AND reminders_sent < @max_reminders";
            command.With("@offered", StoredRefundState.Offered).With("@max_reminders", options.Value.MaxReminders);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var offeredOn = reader.GetFieldValue<DateOnly>(4);
                var since = reader.IsDBNull(6) ? offeredOn : reader.GetFieldValue<DateOnly>(6);
                // A count through a year a calendar does not cover has no last day (2.(3) coverage): no reminder is guessed.
                if (_calendar.AddWorkingDays(since, options.Value.ReminderAfterWorkingDays).Due is { } lastDay && lastDay < today)
                {
                    due.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.IsDBNull(3) ? 0 : reader.GetInt64(3), offeredOn, reader.GetInt32(5)));
                }
            }
        }
        foreach (var d in due)
        {
            using var entered = await workflow.EnterAsync(ct);
            await using var lease = await database.AcquireWriterAsync(ct);
            await lease.BeginAsync(ct);
            await lease.LockAsync(LockScope.Subject, [d.Uscc], ct);
            var update = lease.Command("UPDATE refund_cases SET reminders_sent = @reminders_sent, last_reminder_on = @last_reminder_on "
                + "WHERE uscc = @uscc AND program_year = @program_year AND state = @offered AND reminders_sent = @sent_before", 0)
                .With("@reminders_sent", d.Sent + 1).With("@last_reminder_on", today).With("@uscc", d.Uscc).With("@program_year", d.Year)
                .With("@offered", StoredRefundState.Offered).With("@sent_before", d.Sent);
            if (await update.ExecuteNonQueryAsync(ct) == 1)
            {
                var (policyId, policyVersion) = await DecisionPolicyAsync(lease, d.DecisionId, ct);
                await outbox.EnqueueAsync(lease, new RefundReminderDue
                {
                    EventId = Guid.NewGuid(), OccurredAt = clock.GetUtcNow(), PolicyId = policyId, PolicyVersion = policyVersion, SubjectKey = d.Uscc,
                    CorrelationId = d.DecisionId.ToString(CultureInfo.InvariantCulture), Uscc = d.Uscc, ProgramYear = d.Year,
                    DecisionId = d.DecisionId, Reminder = d.Sent + 1, OfferedOn = d.OfferedOn, AmountFen = d.AmountFen,
                }, ct);
            }
            await lease.CommitAsync(ct);
            outboxSignal.Notify();
        }
        return due.Count;
    }

    /// <summary>The last day of a program year's refund window (units that waived may apply until then).</summary>
    public DateOnly ProgramEnd(int programYear) =>
        policy.Refund.Window.Values.Where(v => v.Value.ProgramYear == programYear).Select(v => v.To).FirstOrDefault()
        ?? new DateOnly(programYear, 12, 31);

    private sealed record MovedCase(long DecisionId, long AmountFen);

    private static async Task<MovedCase> MoveAsync(WriterLease lease, string uscc, int programYear, RefundState from, RefundState to, CancellationToken ct)
    {
        var moved = await lease.Command("UPDATE refund_cases SET state = @to WHERE uscc = @uscc AND program_year = @program_year AND state = @from", 0)
            .With("@to", RefundStates.ToStored(to)).With("@uscc", uscc).With("@program_year", programYear).With("@from", RefundStates.ToStored(from))
            .ExecuteNonQueryAsync(ct) == 1;
        var select = lease.Command("SELECT state, current_decision_id, approved_amount_fen FROM refund_cases WHERE uscc = @uscc AND program_year = @program_year", 0)
            .With("@uscc", uscc).With("@program_year", programYear);
        await using var reader = await select.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new ActionRefusedException($"unit {uscc} has no refund decision for {programYear}; run a reconciliation or apply first");
        }
        if (!moved)
        {
            throw new ActionRefusedException($"unit {uscc} is {Names.Of(RefundStates.FromStored(reader.GetString(0)))} for {programYear}; only an OFFERED refund can become {Names.Of(to)}");
        }
        return new MovedCase(reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2));
    }

    private static async Task<(string PolicyId, string PolicyVersion)> DecisionPolicyAsync(WriterLease lease, long decisionId, CancellationToken ct)
    {
        var select = lease.Command("SELECT policy_id, policy_version FROM refund_decisions WHERE id = @id", 0).With("@id", decisionId);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : ("", "");
    }
}
