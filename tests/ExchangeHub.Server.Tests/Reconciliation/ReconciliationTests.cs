using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// From the agencies' feeds to decisions, exceptions and events, through the real hub (clock at 2024-06-30, inside
/// the 2024 refund programme; assessment year 2023). Clause 1.(2) and 2.(1) of the notice.
/// </summary>
[Trait("clause", "1.(2)")]
public abstract class ReconciliationTests(StorageProvider provider) : SeededRefundHub(provider)
{
    [Fact]
    public async Task Run_SeededUnits_EachDecidedAsTheNoticeSays()
    {
        var run = await RunAsync();

        Assert.Equal((ReconciliationRunStatus.Completed, 2024, 8, 8, 0), (run.Status, run.ProgramYear, run.Units, run.Decided, run.Unchanged));
        var eligible = await DecisionAsync(Eligible);
        Assert.Equal((V1.RefundOutcome.Eligible, V1.RefundState.Offered), (eligible.Decision.Outcome, eligible.State));
        // 60% of 720,000 fen; the late fee and the 2022 back payment are excluded from the base.
        Assert.Equal((SeedData.YearBaseFen, 432_000L, "0.6"), (eligible.Decision.BaseFen, eligible.Decision.AmountFen, eligible.Decision.Rate));
        Assert.Contains(eligible.Decision.Explanation, r => r.ClauseId == "1.(2)" && r.Result == RuleEvaluation.Passed);
        Assert.StartsWith("xpcc-2024", eligible.Decision.PolicyId, StringComparison.Ordinal);
        Assert.Equal(64, eligible.Decision.FactsSha256.Length);

        var arrears = await DecisionAsync(Arrears);
        Assert.Equal(V1.RefundOutcome.Ineligible, arrears.Decision.Outcome);
        Assert.Contains(arrears.Decision.Explanation, r => r.ReasonCode == "REFUND_ARREARS" && r.Result == RuleEvaluation.Failed);
        Assert.Equal((V1.RefundOutcome.Held, V1.RefundState.Held), ((await DecisionAsync(Deferred)).Decision.Outcome, (await DecisionAsync(Deferred)).State));
        Assert.Equal((V1.RefundOutcome.Eligible, V1.RefundState.AwaitingApplication), ((await DecisionAsync(Dispatch)).Decision.Outcome, (await DecisionAsync(Dispatch)).State));
        Assert.Equal(V1.RefundOutcome.Undetermined, (await DecisionAsync(Unknown)).Decision.Outcome);
        var large = await DecisionAsync(SizeMismatch);
        Assert.Equal((V1.RefundOutcome.Eligible, "0.3"), (large.Decision.Outcome, large.Decision.Rate));
        Assert.Equal(V1.RefundOutcome.Ineligible, (await DecisionAsync(Deregistered)).Decision.Outcome);
        Assert.Equal(V1.RefundOutcome.Undetermined, (await DecisionAsync(NoSettlement)).Decision.Outcome);

        // Issue 13: a HELD decision shows what it is held for; the run splits its amounts into offered (ELIGIBLE, not
        // labour-dispatch), held and awaiting application (the ELIGIBLE labour-dispatch unit, never offered, 2.(1)).
        var deferred = (await DecisionAsync(Deferred)).Decision;
        var dispatch = (await DecisionAsync(Dispatch)).Decision;
        Assert.Equal(0L, deferred.AmountFen);
        Assert.True(deferred.HeldAmountFen > 0, "a HELD decision shows the amount it is held for");
        Assert.Equal(ExchangeHub.Policy.Money.ApplyRate(deferred.BaseFen, decimal.Parse(deferred.Rate, System.Globalization.CultureInfo.InvariantCulture)),
            deferred.HeldAmountFen);
        Assert.Equal((0L, true), (eligible.Decision.HeldAmountFen, dispatch.AmountFen > 0));
        Assert.Equal((eligible.Decision.AmountFen + large.Decision.AmountFen, deferred.HeldAmountFen, dispatch.AmountFen),
            (run.OfferedAmountFen, run.HeldAmountFen, run.AwaitingApplicationAmountFen));
        Assert.Equal(("2024-06-30", "2024-06-30"), (run.DecisionDate, eligible.Decision.DecisionDate));
        Assert.Equal(run.StartTime, eligible.Decision.KnowledgeTime);
    }

    [Fact]
    public async Task Run_SeededUnits_PublishesOneEventPerDecisionAndACompletion()
    {
        var run = await RunAsync();

        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId).ToList();
        var byUnit = events.Where(e => e.Type != "ReconciliationCompleted").ToDictionary(e => e.Subject, e => e.Type);
        Assert.Equal("RefundOffered", byUnit[Ids.Uscc(Eligible)]);
        Assert.Equal("RefundIneligible", byUnit[Ids.Uscc(Arrears)]);
        Assert.Equal("RefundHeldForDeferral", byUnit[Ids.Uscc(Deferred)]);
        // 2.(1): labour-dispatch units are never offered automatically; issue 13: they are told they may apply.
        Assert.Equal("RefundAwaitingApplication", byUnit[Ids.Uscc(Dispatch)]);
        Assert.Equal("RefundUndetermined", byUnit[Ids.Uscc(Unknown)]);
        Assert.Equal(8, byUnit.Count);
        Assert.Equal("ReconciliationCompleted", events[^1].Type);
        // Issue 13: the completion splits the amounts as the run's reply does.
        var completed = events[^1].Payload;
        Assert.Equal((run.OfferedAmountFen, run.HeldAmountFen, run.AwaitingApplicationAmountFen),
            (completed.GetProperty("offeredAmountFen").GetInt64(), completed.GetProperty("heldAmountFen").GetInt64(),
                completed.GetProperty("awaitingApplicationAmountFen").GetInt64()));
        Assert.True(run.AwaitingApplicationAmountFen > 0 && run.HeldAmountFen > 0);

        var offer = events.Single(e => e.Type == "RefundOffered" && e.Subject == Ids.Uscc(Eligible)).Payload;
        Assert.Equal(432_000, offer.GetProperty("amountFen").GetInt64());
        Assert.Contains("稳岗返还资金", offer.GetProperty("usageNotice").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, offer.GetProperty("eventId").GetGuid());
        Assert.Contains("xpcc-2024", offer.GetProperty("policyId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Payload.GetRawText().Contains(Ids.ResidentId(100), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SeededUnits_RaisesEachReconciliationException()
    {
        var run = await RunAsync();

        var found = await HubQueries.ExceptionsAsync(Hub, run.RunId);
        Assert.Contains(found, x => x == ("CONTRIBUTIONS_FOR_UNKNOWN_UNIT", Ids.Uscc(Unknown), ""));
        Assert.Contains(found, x => x == ("SIZE_CLASS_MISMATCH", Ids.Uscc(SizeMismatch), ""));
        Assert.Contains(found, x => x == ("CONTRIBUTION_RATE_MISMATCH", Ids.Uscc(SizeMismatch), "202303"));
        Assert.Equal(6, found.Count(x => x.Code == "CONTRIBUTIONS_AFTER_DEREGISTRATION" && x.Subject == Ids.Uscc(Deregistered)));
        Assert.Equal(12, found.Count(x => x.Code == "SETTLEMENT_STATUS_MISSING" && x.Subject == Ids.Uscc(NoSettlement)));
        Assert.Contains(found, x => x == ("SETTLED_WITHOUT_PREMIUMS", Ids.Uscc(SizeMismatch), "202206"));
        Assert.Equal(found.Count, run.Exceptions);
        // An exception never changes a decision by itself: the mismatching unit is still decided on its reported class.
        Assert.Equal(V1.RefundOutcome.Eligible, (await DecisionAsync(SizeMismatch)).Decision.Outcome);

        var page = await new ReconciliationService.ReconciliationServiceClient(Hub.Channel(TestHub.OperatorToken))
            .ListReconciliationExceptionsAsync(new ListReconciliationExceptionsRequest { RunId = run.RunId, Code = "SETTLEMENT_STATUS_MISSING", PageSize = 5 });
        Assert.Equal(5, page.Exceptions.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task Run_Again_WithUnchangedFacts_DecidesNothingNew()
    {
        await RunAsync();
        var before = (await HubQueries.EventsAsync(Hub)).Count;

        var again = await RunAsync();

        Assert.Equal((0, 8), (again.Decided, again.Unchanged));
        Assert.Equal(before + 1, (await HubQueries.EventsAsync(Hub)).Count); // only ReconciliationCompleted
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Run_DeferredMonthSettledLater_ReleasedAndOfferedWithTheReason()
    {
        await RunAsync();
        var settled = SeedData.YearOfSettlements(Deferred, P).Single(s => s.Period == "2023-10");
        settled.Revision = 2;
        settled.StatusDate = "2024-06-01";
        await Infrastructure.Feeds.PushSettlementsAsync(Hub.Channel(TestHub.TaxToken), [settled]);

        var run = await RunAsync();

        Assert.Equal((1, 7), (run.Decided, run.Unchanged));
        var decision = await DecisionAsync(Deferred);
        Assert.Equal((V1.RefundOutcome.Eligible, V1.RefundState.Offered, 432_000L), (decision.Decision.Outcome, decision.State, decision.Decision.AmountFen));
        Assert.Contains("Months[2023-10].Settlement: Deferred → Settled", decision.Decision.SupersedeReason, StringComparison.Ordinal);
        Assert.Equal(V1.RefundOutcome.Held, Assert.Single(decision.History).Outcome);
        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId && e.Subject == Ids.Uscc(Deferred)).Select(e => e.Type);
        Assert.Equal(["RefundReleased", "RefundOffered"], events);
    }

    [Fact]
    public async Task Run_LateLineForAnOfferedUnit_SupersedesTheOffer()
    {
        await RunAsync();
        var late = Records.Line($"{P}-late-bp", Eligible, 150, "2023-08");
        late.Kind = ContributionKind.BackPayment;
        late.ReceivedDate = "2024-05-02";
        await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [late]);

        await RunAsync();

        var decision = await DecisionAsync(Eligible);
        Assert.Equal(432_000L + 1800, decision.Decision.AmountFen); // 60% of the extra 3,000 fen
        Assert.Contains("Months[2023-08].InsuredHeadcount: 20 → 21", decision.Decision.SupersedeReason, StringComparison.Ordinal);
        Assert.Equal(decision.History[0].DecisionId, (await HubQueries.EventsAsync(Hub)).Last(e => e.Type == "RefundOffered" && e.Subject == Ids.Uscc(Eligible))
            .Payload.GetProperty("supersedesDecisionId").GetInt64());
    }

    [Fact]
    public async Task Run_CorrectedLineForAnOfferedUnit_SupersedesTheOfferWithTheNewAmount()
    {
        await RunAsync();
        var corrected = SeedData.YearOfLines(Eligible, P).First();
        corrected.Revision = 2;
        corrected.EmployerAmountFen = 0; // the tax bureau withdrew the employer part of one line
        corrected.ClearWageBaseFen();
        Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [corrected])).Corrected);

        await RunAsync();

        var decision = await DecisionAsync(Eligible);
        Assert.Equal(432_000L - 900, decision.Decision.AmountFen); // 60% of 1,500 fen less
        Assert.Contains("Contributions: amounts changed", decision.Decision.SupersedeReason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Confirm_OfferedRefund_DisbursementApprovedOnceOnly()
    {
        await RunAsync();

        var confirmed = await Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024 });

        Assert.Equal((V1.RefundState.DisbursementApproved, 432_000L), (confirmed.State, confirmed.AmountFen));
        var types = (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Eligible)).Select(e => e.Type).ToList();
        Assert.Equal(["RefundOffered", "RefundConfirmed", "RefundDisbursementApproved"], types);
        // Issue 12, item 4: the repeat (a dropped reply) answers with the state reached and approves nothing more.
        var again = await Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024 });
        Assert.Equal((confirmed.State, confirmed.AmountFen), (again.State, again.AmountFen));
        Assert.Equal(types, (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Eligible)).Select(e => e.Type));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Confirm_UnitNotOffered_FailedPreconditionNamingTheState()
    {
        await RunAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(Arrears), ProgramYear = 2024 }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "REFUND_NOT_OFFERED"), ErrorDetails.Of(ex));
        Assert.Equal("INELIGIBLE", ErrorDetails.Info(ex).Metadata["state"]);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Waive_ThenApply_MarkedWaivedThenOfferedAgain()
    {
        await RunAsync();

        var waived = await Refunds.WaiveRefundAsync(new WaiveRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024 });
        Assert.Equal((V1.RefundState.Waived, "2024-12-31"), (waived.State, waived.MayApplyUntil));
        var rerun = await RunAsync();
        Assert.Equal(V1.RefundState.Waived, (await DecisionAsync(Eligible)).State); // a run does not re-offer a waived refund
        Assert.Equal(0, rerun.Decided);

        var applied = await Refunds.ApplyForRefundAsync(new ApplyForRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024 });

        Assert.Equal((V1.RefundState.Offered, V1.RefundOutcome.Eligible), (applied.State, applied.Decision.Outcome));
        var types = (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Eligible)).Select(e => e.Type).ToList();
        Assert.Equal(["RefundOffered", "RefundWaived", "RefundOffered"], types);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Apply_LabourDispatchUnit_DecidedBySameRulesAndOffered()
    {
        await RunAsync();

        var applied = await Refunds.ApplyForRefundAsync(new ApplyForRefundRequest { Uscc = Ids.Uscc(Dispatch), ProgramYear = 2024 });

        Assert.Equal((V1.RefundState.Offered, V1.RefundOutcome.Eligible, 432_000L), (applied.State, applied.Decision.Outcome, applied.Decision.AmountFen));
        // Issue 13: the run said the unit may apply; the application is offered.
        Assert.Equal(["RefundAwaitingApplication", "RefundOffered"],
            (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Dispatch)).Select(e => e.Type));
        var awaiting = (await HubQueries.EventsAsync(Hub)).First(e => e.Subject == Ids.Uscc(Dispatch)).Payload;
        Assert.Equal((432_000L, "2024-06-30"), (awaiting.GetProperty("amountFen").GetInt64(), awaiting.GetProperty("decisionDate").GetString()));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Apply_AfterTheProgrammeEnded_FailedPrecondition()
    {
        await RunAsync();
        Clock.SetUtcNow(new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero));
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Refunds.ApplyForRefundAsync(new ApplyForRefundRequest { Uscc = Ids.Uscc(Dispatch), ProgramYear = 2024 }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ErrorDetails.Of(ex).Code);
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Reminders_NoAnswerWithinTenWorkingDays_ReminderDueUpToTheLimit()
    {
        await RunAsync(); // offered on Sunday 2024-06-30
        var actions = Hub.Services.GetRequiredService<RefundActions>();
        Clock.SetUtcNow(new DateTimeOffset(2024, 7, 12, 2, 0, 0, TimeSpan.Zero)); // the 10th working day: still time to answer
        Assert.Equal(0, await actions.SendDueRemindersAsync(CancellationToken.None));
        Clock.SetUtcNow(new DateTimeOffset(2024, 7, 15, 2, 0, 0, TimeSpan.Zero)); // the next working day
        Assert.Equal(2, await actions.SendDueRemindersAsync(CancellationToken.None)); // the eligible unit and the large one
        Assert.Equal(0, await actions.SendDueRemindersAsync(CancellationToken.None)); // not twice on one day

        for (var day = 0; day < 60; day++)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            await actions.SendDueRemindersAsync(CancellationToken.None);
        }

        var reminders = (await HubQueries.EventsAsync(Hub)).Where(e => e.Type == "RefundReminderDue" && e.Subject == Ids.Uscc(Eligible)).ToList();
        Assert.Equal([1, 2, 3], reminders.Select(r => r.Payload.GetProperty("reminder").GetInt32()));
    }

    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task Run_OfficialSizeClassAfterApproval_AdjustedWithSignedDifference()
    {
        await RunAsync();
        await Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024 });
        var official = SeedData.Unit(Eligible, P, u => { u.Revision = 2; u.SizeClass = SizeClass.Large; u.SizeClassSource = SizeClassSource.Official; });
        await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [official]);

        await RunAsync();

        var adjusted = (await HubQueries.EventsAsync(Hub)).Single(e => e.Type == "RefundAdjusted").Payload;
        Assert.Equal((432_000L, 216_000L, -216_000L), (adjusted.GetProperty("paidFen").GetInt64(), adjusted.GetProperty("dueFen").GetInt64(),
            adjusted.GetProperty("differenceFen").GetInt64()));
        Assert.Equal("LARGE", adjusted.GetProperty("officialSizeClass").GetString());
        Assert.Equal(V1.RefundState.DisbursementApproved, (await DecisionAsync(Eligible)).State);
    }

    [Fact]
    public async Task ListRefundDecisions_FilteredByOutcome_PagedByUscc()
    {
        await RunAsync();
        var first = await Refunds.ListRefundDecisionsAsync(new ListRefundDecisionsRequest { ProgramYear = 2024, Outcome = V1.RefundOutcome.Eligible, PageSize = 2 });
        var second = await Refunds.ListRefundDecisionsAsync(new ListRefundDecisionsRequest
        {
            ProgramYear = 2024, Outcome = V1.RefundOutcome.Eligible, PageSize = 2, PageToken = first.NextPageToken,
        });
        var all = first.Decisions.Concat(second.Decisions).Select(d => d.Uscc).ToList();
        Assert.Equal(new[] { Eligible, Dispatch, SizeMismatch }.Select(Ids.Uscc).Order(StringComparer.Ordinal), all);
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task Run_OutsideAnyProgramme_FailedPrecondition()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RunAsync("2023-06-30"));
        Assert.Equal((StatusCode.FailedPrecondition, "REFUND_WINDOW_CLOSED"), ErrorDetails.Of(ex));
        Assert.Equal("2023-06-30", ErrorDetails.Info(ex).Metadata["decision_date"]);
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteReconciliationTests() : ReconciliationTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresReconciliationTests() : ReconciliationTests(StorageProvider.Postgres);
