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

    /// <summary>
    /// The unit confirms its offer on <paramref name="confirmedOn"/> (2.(1) "Decision (dated actions)": inside the programme
    /// window, not before the offer's date): the disbursement is approved and the confirmed decision's date D frozen.
    /// </summary>
    public async Task<long> ConfirmAsync(string uscc, int programYear, DateOnly confirmedOn, string agencyId, CancellationToken ct)
    {
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var c = await MoveAsync(lease, uscc, programYear, RefundState.DisbursementApproved, confirmedOn, "confirmation_date",
            "confirmed_on = @on, approved_decision_id = current_decision_id", ct);
        if (c.AlreadyThere)
        {
            return c.AmountFen;
        }
        var d = await DecisionAsync(lease, c.DecisionId, ct);
        var now = clock.GetUtcNow();
        var correlationId = CallCorrelation.Id();
        await outbox.EnqueueAsync(lease, new RefundConfirmed
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = d.PolicyId, PolicyVersion = d.PolicyVersion, SubjectKey = uscc,
            CorrelationId = correlationId, Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            AmountFen = c.AmountFen, RecordedBy = agencyId, ConfirmedOn = confirmedOn,
        }, ct);
        await outbox.EnqueueAsync(lease, new RefundDisbursementApproved
        {
            EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = d.PolicyId, PolicyVersion = d.PolicyVersion, SubjectKey = uscc,
            CorrelationId = correlationId, Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            AmountFen = c.AmountFen, ApprovedOn = confirmedOn, DecisionDate = d.DecisionDate,
        }, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return c.AmountFen;
    }

    /// <summary>
    /// The unit waives its offer on <paramref name="waivedOn"/> (inside the programme window, not before the offer's
    /// date); it is told it may still apply until the programme's last day, which is returned.
    /// </summary>
    public async Task<DateOnly> WaiveAsync(string uscc, int programYear, DateOnly waivedOn, string agencyId, CancellationToken ct)
    {
        var until = ProgrammeWindow.End(policy, programYear);
        using var entered = await workflow.EnterAsync(ct);
        await using var lease = await database.AcquireWriterAsync(ct);
        await lease.BeginAsync(ct);
        await lease.LockAsync(LockScope.Subject, [uscc], ct);
        var c = await MoveAsync(lease, uscc, programYear, RefundState.Waived, waivedOn, "waiver_date", "waived_on = @on", ct);
        if (c.AlreadyThere)
        {
            return until;
        }
        var d = await DecisionAsync(lease, c.DecisionId, ct);
        var correlationId = CallCorrelation.Id();
        await outbox.EnqueueAsync(lease, new RefundWaived
        {
            EventId = Guid.NewGuid(), OccurredAt = clock.GetUtcNow(), PolicyId = d.PolicyId, PolicyVersion = d.PolicyVersion, SubjectKey = uscc,
            CorrelationId = correlationId, Uscc = uscc, ProgramYear = programYear, DecisionId = c.DecisionId,
            MayApplyUntil = until, RecordedBy = agencyId, WaivedOn = waivedOn,
        }, ct);
        await lease.CommitAsync(ct);
        outboxSignal.Notify();
        return until;
    }

    /// <summary>
    /// Publishes the reminders due today for offers nobody answered: the unit has the offer day's next
    /// <see cref="RefundOptions.ReminderAfterWorkingDays"/> working days to answer; the reminder goes out on the day
    /// after the last of them (and again that many working days after each reminder, up to the limit). The offer's day
    /// is the business date it was made on (<see cref="RefundCase.OfferedOn"/>); after the programme's end no reminder
    /// goes out. Returns how many.
    /// </summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken ct)
    {
        var today = clock.ChinaToday();
        var correlationId = CallCorrelation.Id(); // one id for this round of reminders
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
                if (today > ProgrammeWindow.End(policy, reader.GetInt32(1)))
                {
                    continue; // 2.(1): no confirmation or waiver can be dated after the programme's end, so nobody is asked for one
                }
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
                var decision = await DecisionAsync(lease, d.DecisionId, ct);
                await outbox.EnqueueAsync(lease, new RefundReminderDue
                {
                    EventId = Guid.NewGuid(), OccurredAt = clock.GetUtcNow(), PolicyId = decision.PolicyId, PolicyVersion = decision.PolicyVersion, SubjectKey = d.Uscc,
                    CorrelationId = correlationId, Uscc = d.Uscc, ProgramYear = d.Year,
                    DecisionId = d.DecisionId, Reminder = d.Sent + 1, OfferedOn = d.OfferedOn, AmountFen = d.AmountFen,
                }, ct);
            }
            await lease.CommitAsync(ct);
            outboxSignal.Notify();
        }
        return due.Count;
    }

    /// <summary>The case's decision and amount; <see cref="AlreadyThere"/>: it had reached the target state before this call (a retry).</summary>
    private sealed record MovedCase(long DecisionId, long AmountFen, bool AlreadyThere = false);

    private sealed record DecisionStamp(string PolicyId, string PolicyVersion, DateOnly? DecisionDate);

    /// <summary>
    /// Moves an OFFERED case to <paramref name="to"/> on <paramref name="on"/> (also writing <paramref name="dated"/>,
    /// which binds @on): refused when the unit has no case, is not OFFERED, or <paramref name="on"/> is before the
    /// offer's date (the record the action acts on: INVALID_ARGUMENT naming <paramref name="field"/>). A case already in
    /// <paramref name="to"/> is left as it is (issue 12: an action repeated after a dropped reply answers with the state
    /// reached, not an error; its stored date stays the first call's) and the caller publishes nothing.
    /// </summary>
    private async Task<MovedCase> MoveAsync(WriterLease lease, string uscc, int programYear, RefundState to, DateOnly on, string field,
        string dated, CancellationToken ct)
    {
        RefundState state;
        MovedCase moved;
        DateOnly? offeredOn;
        var select = lease.Command("SELECT state, current_decision_id, approved_amount_fen, offered_on FROM refund_cases WHERE uscc = @uscc AND program_year = @program_year", 0)
            .With("@uscc", uscc).With("@program_year", programYear);
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new ActionRefusedException($"unit {uscc} has no refund decision for {programYear}; run a reconciliation or apply first",
                    ErrorReasons.RefundNotDecided, new Dictionary<string, string> { ["uscc"] = uscc, ["program_year"] = $"{programYear}" });
            }
            state = RefundStates.FromStored(reader.GetString(0));
            moved = new MovedCase(reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2));
            offeredOn = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3);
        }
        if (state == to)
        {
            return moved with { AlreadyThere = true };
        }
        // The window is checked once the case is read: a repeat of an action already done answers with its state even
        // after the programme's end (an empty date is today).
        ProgrammeWindow.Check(policy, programYear, on, field);
        if (state != RefundState.Offered)
        {
            throw new ActionRefusedException($"unit {uscc} is {Names.Of(state)} for {programYear}; only an OFFERED refund can become {Names.Of(to)}",
                ErrorReasons.RefundNotOffered, new Dictionary<string, string> { ["state"] = Names.Of(state), ["requested_state"] = Names.Of(to) });
        }
        if (offeredOn is { } offered && on < offered)
        {
            throw new FieldRefusedException(field, $"{on:yyyy-MM-dd} is before the offer of {offered:yyyy-MM-dd} it acts on");
        }
        // Under the gate and the unit's lock: the state read above is still the state.
        await lease.Command($"UPDATE refund_cases SET state = @to, {dated} WHERE uscc = @uscc AND program_year = @program_year AND state = @from", 0)
            .With("@to", RefundStates.ToStored(to)).With("@on", on).With("@uscc", uscc).With("@program_year", programYear)
            .With("@from", RefundStates.ToStored(RefundState.Offered))
            .ExecuteNonQueryAsync(ct);
        return moved;
    }

    private static async Task<DecisionStamp> DecisionAsync(WriterLease lease, long decisionId, CancellationToken ct)
    {
        var select = lease.Command("SELECT policy_id, policy_version, decision_date FROM refund_decisions WHERE id = @id", 0).With("@id", decisionId);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new DecisionStamp(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2)) : new DecisionStamp("", "", null);
    }
}
