using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Transfers;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Common.Followups;
using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// Cross-province transfers with the national transfer system (2.(4) TRANSFER): the operator accepts or refuses an
/// incoming request (refusals carry a concrete reason code), the hub requests a transfer-out with its fund amount, and
/// the national system reports statuses (the hub's own are read by <see cref="TransferQueries.HubUpdatesAsync"/>). The
/// fund, the time to act and their explanation come from the policy file's dated 2.(4) parameters
/// (<see cref="TransferDecider"/>: 5 working days on the national and Xinjiang calendars, 12 months, 1.5 ×); a
/// transfer-out still REQUESTED, or an incoming request still undecided, after its due date is announced once
/// (<c>TransferDeadlineMissed</c>); one whose due date is undetermined (a calendar year the file does not cover) is
/// stored with the reason and never announced. Each change is checked by <see cref="TransferTransitions"/> and stored
/// (<see cref="TransferStore"/>) with its event in one transaction. A completed transfer-in recalculates the person's
/// running benefits (<see cref="IBenefitRecalculation"/>). One change at a time per hub.
/// </summary>
public sealed class TransferWorkflow(
    HubDatabase database,
    TransferQueries queries,
    TransferRequestsReader feedRequests,
    PersonFactsReader personFacts,
    IBenefitRecalculation benefits,
    PersonKey personKey,
    OutboxWriter outbox,
    OutboxSignal outboxSignal,
    PolicySet policy,
    TimeProvider clock,
    FollowupMarks followups,
    ILogger<TransferWorkflow> logger) : IDisposable
{
    private readonly ClusterMutex _oneAtATime = new(database, "transfers");
    private readonly TransferDecider _decider = new(policy);

    private string PolicyVersion => policy.Stamp();

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>Today in China Standard Time.</summary>
    public DateOnly Today => clock.ChinaToday();

    /// <summary>The last day to act on a request of <paramref name="requestedOn"/>, or why it is undetermined (2.(4), 2.(3) coverage).</summary>
    public TransferTimeLimit DueOn(DateOnly requestedOn) => _decider.TimeLimit(requestedOn);

    /// <summary>
    /// Accepts the incoming request stored through the transfer feed under <paramref name="transferId"/>, as of the
    /// business date <paramref name="decisionDate"/> (2.(1) dated actions: not before the request date; stored as the
    /// case's status date).
    /// </summary>
    public Task<StoredTransfer> AcceptAsync(string transferId, DateOnly decisionDate, CancellationToken ct) =>
        DecideIncomingAsync(transferId, null, decisionDate, ct);

    /// <summary>Refuses the incoming request with a concrete reason code (<see cref="TransferReasonCodes"/>), as of <paramref name="decisionDate"/>.</summary>
    public Task<StoredTransfer> RefuseAsync(string transferId, string reasonCode, DateOnly decisionDate, CancellationToken ct) =>
        DecideIncomingAsync(transferId, reasonCode, decisionDate, ct);

    /// <summary>
    /// Requests a transfer-out: the months paid here are the person's insured months in the XPCC as of the request date
    /// (<see cref="PersonFacts.LocalMonths"/>); the fund amount and the due date follow <see cref="TransferDecider.Decide"/>.
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
        var request = await feedRequests.RequestAsync(transferId, TransferCodes.FeedDirection(TransferCaseDirection.Out),
                clock.GetUtcNow().ToUnixTimeMilliseconds(), ct)
            ?? throw new KeyNotFoundException($"no transfer-out request {transferId}");
        return await RequestOutAsync(transferId, request.ResidentId, request.CounterpartProvinceCode,
            TransferCodes.ConsolidationPlace(request.ConsolidationPlace), monthlyBenefitFen, monthsDue, request.RequestedOn, ct);
    }

    private async Task<StoredTransfer> RequestOutAsync(string transferId, string residentId, string counterpartProvinceCode, string consolidationPlace,
        long monthlyBenefitFen, int monthsDue, DateOnly requestedOn, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var knownAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var monthsHere = (await personFacts.PersonAsync(residentId, requestedOn, knownAt, ct)).LocalMonths;
            var paidHere = monthsHere.Count;
            var decision = _decider.Decide(new TransferOutFacts(requestedOn, paidHere, monthlyBenefitFen, monthsDue));
            if (decision.FundAmountFen is not { } fund)
            {
                throw new ActionRefusedException($"no transfer fund parameter in force on {requestedOn:yyyy-MM-dd}: {string.Join(", ", decision.Explanation.MissingFacts)}",
                    ErrorReasons.TransferFundParameterMissing, new Dictionary<string, string> { ["requested_date"] = $"{requestedOn:yyyy-MM-dd}" });
            }
            var transfer = new StoredTransfer(transferId, TransferCaseDirection.Out, personKey.Of(residentId), residentId, counterpartProvinceCode,
                TransferCaseStatus.Requested, null, paidHere, fund, requestedOn, decision.DueOn, false, requestedOn, decision.DueUndetermined, knownAt);
            var now = clock.GetUtcNow();
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                if (await TransferStore.FindAsync(lease, transferId, ct) is { } existing)
                {
                    throw new ActionRefusedException($"transfer {transferId} was already requested: {TransferCodes.Name(existing.Status)}",
                        ErrorReasons.TransferAlreadyRequested, new Dictionary<string, string> { ["state"] = TransferCodes.Name(existing.Status), ["transfer_id"] = transferId });
                }
                var facts = TransferFactsJson.Out(transfer.PersonKey, requestedOn, knownAt, monthsHere, monthlyBenefitFen, monthsDue);
                await TransferStore.InsertAsync(lease, transfer, new TransferStore.Decided(facts, PolicyVersion, ExplanationJson.Write(decision.Explanation)), now, ct);
                await outbox.EnqueueAsync(lease, TransferEvents.OutRequested(transfer, consolidationPlace, monthlyBenefitFen, monthsDue, policy.Id,
                    PolicyVersion, CallCorrelation.Id(), now), ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer-out {TransferId} of person {PersonKey} requested to {Province}, fund {Fund} fen, due {Due}", transfer.TransferId,
                    transfer.PersonKey, counterpartProvinceCode, transfer.FundAmountFen, transfer.DueUndetermined ?? $"{transfer.DueOn:yyyy-MM-dd}");
            }
            return transfer;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }

    /// <summary>
    /// Applies a status from the national system (<see cref="TransferTransitions.Apply"/>), stored with its status
    /// date (FACTS: the state on D comes from the national system's dates, never from when the hub was told). The same
    /// status again: no change (false). A status may only move forward; COMPLETED and REFUSED are final. A status
    /// dated before the transfer's request date is refused naming <c>status_date</c>. A completed transfer-in
    /// recalculates running benefits after the change is stored.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(string transferId, TransferCaseStatus status, string? reasonCode, DateOnly statusDate, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        StoredTransfer current;
        try
        {
            var now = clock.GetUtcNow();
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                current = await TransferStore.FindAsync(lease, transferId, ct) ?? throw new KeyNotFoundException($"no transfer {transferId}");
                if (statusDate < current.RequestedOn)
                {
                    throw new FieldRefusedException("status_date",
                        $"status_date {statusDate:yyyy-MM-dd} is before the transfer's request date {current.RequestedOn:yyyy-MM-dd}");
                }
                switch (TransferTransitions.Apply(current, status, reasonCode))
                {
                    case TransferChange.None:
                        await lease.CommitAsync(ct);
                        return false;
                    case TransferChange.NotAllowed:
                        throw new ActionRefusedException(
                            $"transfer {transferId} is {TransferCodes.Name(current.Status)}; it cannot become {TransferCodes.Name(status)}",
                            ErrorReasons.TransferTransitionNotAllowed,
                            new Dictionary<string, string> { ["state"] = TransferCodes.Name(current.Status), ["requested_state"] = TransferCodes.Name(status), ["transfer_id"] = transferId });
                }
                await TransferStore.SetStatusAsync(lease, current, status, reasonCode, statusDate, now, ct);
                if (TransferTransitions.RecalculatesBenefits(current.Direction, status))
                {
                    // A completed transfer in adds insured months (1.(3) SKILL_PERSON): the person's skill decisions follow it.
                    await followups.MarkSkillFactsChangedAsync(lease, current.ResidentId, now.ToUnixTimeMilliseconds(), ct);
                }
                await outbox.EnqueueAsync(lease, TransferEvents.StatusChanged(current, status, reasonCode, policy.Id, PolicyVersion,
                    CallCorrelation.Id(), now), ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer {TransferId} of person {PersonKey}: {Old} → {New}", transferId, current.PersonKey,
                    TransferCodes.Name(current.Status), TransferCodes.Name(status));
            }
        }
        finally
        {
            await held.DisposeAsync();
        }
        if (TransferTransitions.RecalculatesBenefits(current.Direction, status))
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
            var correlationId = CallCorrelation.Id();
            var outs = await queries.OutsPastDueAsync(today, ct);
            var ins = (await UndecidedIncomingAsync(today, ct)).Where(t => t.DueOn < today).ToList();
            var sent = 0;
            foreach (var transfer in outs.Concat(ins))
            {
                var now = clock.GetUtcNow();
                await using var lease = await database.AcquireWriterAsync(ct);
                await lease.BeginAsync(ct);
                var marked = transfer.Direction == TransferCaseDirection.Out
                    ? await TransferStore.MarkOutNoticeAsync(lease, transfer.TransferId, ct)
                    : await TransferStore.RecordIncomingNoticeAsync(lease, transfer.TransferId, transfer.DueOn!.Value, now, ct);
                if (marked)
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
    /// The undecided incoming requests before <paramref name="today"/>, as known now (<see cref="TransferRequestsReader.UndecidedIncomingAsync"/>),
    /// as cases for their notice, with their due date (5 working days after the request). A request whose due date is
    /// undetermined (a calendar year the policy file does not cover) is skipped: no notice is guessed; the log says why.
    /// </summary>
    private async Task<List<StoredTransfer>> UndecidedIncomingAsync(DateOnly today, CancellationToken ct)
    {
        var pending = new List<StoredTransfer>();
        var undetermined = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var request in await feedRequests.UndecidedIncomingAsync(today, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct))
        {
            var limit = DueOn(request.RequestedOn);
            if (limit.DueOn is { } due)
            {
                pending.Add(new StoredTransfer(request.TransferId, TransferCaseDirection.In, personKey.Of(request.ResidentId), request.ResidentId,
                    request.CounterpartProvinceCode, TransferCaseStatus.Received, null, 0, 0, request.RequestedOn, due, false, request.RequestedOn));
            }
            else
            {
                undetermined.Add(limit.DueUndetermined!);
            }
        }
        if (undetermined.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Incoming transfer requests without a due date skipped by the deadline check: {Reasons}", string.Join("; ", undetermined));
        }
        return pending;
    }

    private async Task<StoredTransfer> DecideIncomingAsync(string transferId, string? reasonCode, DateOnly decisionDate, CancellationToken ct)
    {
        var held = await _oneAtATime.EnterAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            StoredTransfer transfer;
            await using (var lease = await database.AcquireWriterAsync(ct))
            {
                await lease.BeginAsync(ct);
                if (await TransferStore.FindAsync(lease, transferId, ct) is { } existing)
                {
                    // The same decision repeated (a dropped reply, issue 12): the case as it stands, nothing written or published.
                    if (existing.Direction == TransferCaseDirection.In && existing.ReasonCode == reasonCode
                        && (reasonCode is null) == (existing.Status != TransferCaseStatus.Refused))
                    {
                        return existing;
                    }
                    throw new ActionRefusedException($"transfer {transferId} was already decided: {TransferCodes.Name(existing.Status)}",
                        ErrorReasons.TransferAlreadyDecided, new Dictionary<string, string> { ["state"] = TransferCodes.Name(existing.Status), ["transfer_id"] = transferId });
                }
                var request = await TransferRequestsReader.RequestAsync(lease, transferId, TransferCodes.FeedDirection(TransferCaseDirection.In),
                        now.ToUnixTimeMilliseconds(), ct)
                    ?? throw new KeyNotFoundException($"no incoming transfer request {transferId}");
                if (decisionDate < request.RequestedOn)
                {
                    throw new FieldRefusedException("decision_date",
                        $"decision_date {decisionDate:yyyy-MM-dd} is before the request's requested_date {request.RequestedOn:yyyy-MM-dd}");
                }
                transfer = new StoredTransfer(transferId, TransferCaseDirection.In, personKey.Of(request.ResidentId), request.ResidentId,
                    request.CounterpartProvinceCode, TransferTransitions.Decision(reasonCode), reasonCode, 0, 0, request.RequestedOn, null, false,
                    decisionDate, KnowledgeTimeUnixMs: now.ToUnixTimeMilliseconds());
                await TransferStore.InsertAsync(lease, transfer,
                    new TransferStore.Decided(TransferFactsJson.In(transfer.PersonKey, request, reasonCode), PolicyVersion), now, ct);
                var correlationId = CallCorrelation.Id();
                HubEvent e = reasonCode is null
                    ? TransferEvents.Accepted(transfer, policy.Id, PolicyVersion, correlationId, now)
                    : TransferEvents.Refused(transfer, reasonCode, policy.Id, PolicyVersion, correlationId, now);
                await outbox.EnqueueAsync(lease, e, ct);
                await lease.CommitAsync(ct);
            }
            outboxSignal.Notify();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Transfer-in {TransferId} of person {PersonKey} {Status} {ReasonCode}", transferId, transfer.PersonKey,
                    TransferCodes.Name(transfer.Status), reasonCode ?? "");
            }
            return transfer;
        }
        finally
        {
            await held.DisposeAsync();
        }
    }
}
