using ExchangeHub.Server.Benefits;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>
/// Unemployment-benefit claims (1.(4), 2.(3), 2.(4)) through the real hub: submitted, decided from stored contribution
/// lines and transfers in, stored with outbox events (clock at 2024-11-30). Persons are named only by key.
/// </summary>
[Trait("clause", "1.(4)")]
public abstract class BenefitClaimTests(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>Every resident id these tests use (persons 0 to 39).</summary>
    private static readonly string[] ResidentIds = Enumerable.Range(0, 40).Select(Ids.ResidentId).ToArray();

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    private BenefitClaimService.BenefitClaimServiceClient Client => new(Hub.Channel(TestHub.OperatorToken));

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        // 2024 deadlines: counted on a test file that covers Xinjiang 2024 (TestPolicies); the real file leaves them undetermined.
        ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Fact]
    [Trait("clause", "2.(3)")]
    public async Task DecideClaim_OnTheLastWorkingDayAcrossNationalDay_GrantedInTime()
    {
        await InsureAsync(person: 10, months: 24);
        // Applied Friday 2024-09-27. Working days after it (2024 national calendar): Sun 09-29 make-up day = 1, Mon 09-30 = 2,
        // 10-01..10-07 holiday, Tue 10-08 = 3, 10-09 = 4, 10-10 = 5, Fri 10-11 = 6, Sat 10-12 make-up day = 7, Mon 10-14 = 8,
        // 10-15 = 9, Wed 10-16 = 10: due 2024-10-16.
        var submitted = await SubmitAsync(person: 10, applied: "2024-09-27");
        Assert.Equal("2024-10-16", submitted.DueDate);
        Assert.Equal(KeyOf(10), submitted.PersonKey);

        var claim = await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-10-16" });

        Assert.Equal((BenefitClaimStatus.Decided, false, "2024-10-16"), (claim.Status, claim.Overdue, claim.DueDate));
        var decision = Assert.Single(claim.Decisions);
        Assert.Equal((BenefitOutcome.Granted, 12, 24, "2024-10-16", BenefitDecisionReason.Decided), (decision.Outcome, decision.MaxMonths, decision.ConsolidatedInsuredMonths,
            decision.DecisionDate, decision.Reason));
        var events = await EventsAsync();
        var granted = Assert.Single(events, e => e.Type == "BenefitGranted");
        Assert.Equal(KeyOf(10), granted.Subject);
        Assert.Equal(12, granted.Payload.GetProperty("maxMonths").GetInt32());
        Assert.Equal(24, granted.Payload.GetProperty("insuredMonthsCounted").GetInt32());
        Assert.Equal(submitted.ClaimId, granted.Payload.GetProperty("claimId").GetString());
        var notice = Assert.Single(events, e => e.Type == "NotificationRequested");
        Assert.Equal("CLAIM_DECIDED", notice.Payload.GetProperty("purpose").GetString());
        Assert.Equal(["APP", "SMS"], notice.Payload.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToList());
        Assert.Equal(granted.CorrelationId, notice.CorrelationId);
    }

    [Theory]
    [InlineData(11, SeparationReason.ContractExpired, Registration.Registered, "BENEFIT_INSURED_MONTHS_BELOW_MINIMUM")]
    [InlineData(24, SeparationReason.Resignation, Registration.Registered, "BENEFIT_RESIGNATION")]
    [InlineData(24, SeparationReason.DismissedByEmployer, Registration.NotRegistered, "BENEFIT_NOT_REGISTERED")]
    public async Task DecideClaim_OneRuleFailed_RefusedNamingExactlyThatReason(int months, SeparationReason separation, Registration registration, string reason)
    {
        await InsureAsync(person: 11, months: months);
        var submitted = await SubmitAsync(person: 11, separation: separation, registration: registration);

        var claim = await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });

        var decision = Assert.Single(claim.Decisions);
        Assert.Equal((BenefitOutcome.Refused, 0), (decision.Outcome, decision.MaxMonths));
        Assert.Contains(decision.Explanation, r => r.ReasonCode == reason && r.Result == RuleEvaluation.Failed);
        var refused = Assert.Single(await EventsAsync(), e => e.Type == "BenefitRefused");
        Assert.Equal([reason], ReasonCodes(refused));
    }

    [Fact]
    public async Task DecideClaim_EveryRuleFailed_RefusedNamingEveryReason()
    {
        await InsureAsync(person: 12, months: 5);
        var submitted = await SubmitAsync(person: 12, separation: SeparationReason.Resignation, registration: Registration.NotRegistered);

        await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });

        var refused = Assert.Single(await EventsAsync(), e => e.Type == "BenefitRefused");
        Assert.Equal(["BENEFIT_INSURED_MONTHS_BELOW_MINIMUM", "BENEFIT_RESIGNATION", "BENEFIT_NOT_REGISTERED"], ReasonCodes(refused));
    }

    [Fact]
    public async Task DecideClaim_SeparationUnknown_UndeterminedNamingTheMissingFact()
    {
        await InsureAsync(person: 13, months: 24);
        var submitted = await SubmitAsync(person: 13, separation: SeparationReason.Unspecified);

        var claim = await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });

        Assert.Equal(BenefitOutcome.Undetermined, claim.Decisions[0].Outcome);
        var e = Assert.Single(await EventsAsync(), x => x.Type == "BenefitUndetermined");
        Assert.Equal(["Separation"], e.Payload.GetProperty("missingFacts").EnumerateArray().Select(m => m.GetString()!).ToList());
        // 2.(3): the decision names what is missing in the reply and in the stored decision, and the claim stays open.
        Assert.Equal(["Separation"], claim.Decisions[0].MissingFacts);
        Assert.Equal(BenefitClaimStatus.Submitted, claim.Status);
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            $"SELECT COUNT(*) FROM benefit_decisions WHERE claim_id = '{submitted.ClaimId}' AND missing_facts = 'Separation'"));
    }

    /// <summary>
    /// 2.(3): "a claim is decided when GRANTED or REFUSED; UNDETERMINED keeps it open (it can become overdue)". Applied
    /// 2024-09-27, due 2024-10-16, decided UNDETERMINED on 2024-10-10: past its due date it raises exactly one
    /// BenefitClaimOverdue; a claim REFUSED the same day raises none.
    /// </summary>
    [Fact]
    [Trait("clause", "2.(3)")]
    public async Task SendOverdueNotices_UndeterminedClaimPastItsDueDate_ExactlyOneEvent()
    {
        await InsureAsync(person: 18, months: 24);
        var undetermined = await SubmitAsync(person: 18, applied: "2024-09-27", separation: SeparationReason.Unspecified);
        var refused = await SubmitAsync(person: 19, applied: "2024-09-27", separation: SeparationReason.Resignation);
        var open = await DecideAsync(new DecideClaimRequest { ClaimId = undetermined.ClaimId, DecisionDate = "2024-10-10" });
        var decided = await DecideAsync(new DecideClaimRequest { ClaimId = refused.ClaimId, DecisionDate = "2024-10-10" });
        var workflow = Hub.Services.GetRequiredService<BenefitClaimWorkflow>();

        var first = await workflow.SendOverdueNoticesAsync(CancellationToken.None);
        var second = await workflow.SendOverdueNoticesAsync(CancellationToken.None);

        Assert.Equal((("UNDETERMINED", "SUBMITTED"), ("REFUSED", "DECIDED")),
            ((EnumNames.Suffix(open.Decisions[0].Outcome), EnumNames.Suffix(open.Status)), (EnumNames.Suffix(decided.Decisions[0].Outcome), EnumNames.Suffix(decided.Status))));
        Assert.Equal((1, 0), (first, second));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "BenefitClaimOverdue");
        Assert.Equal((undetermined.ClaimId, "2024-10-16"), (e.Payload.GetProperty("claimId").GetString(), e.Payload.GetProperty("dueOn").GetString()));
        Assert.True((await Client.GetClaimAsync(new GetClaimRequest { ClaimId = undetermined.ClaimId })).Claims[0].Overdue);
        Assert.False((await Client.GetClaimAsync(new GetClaimRequest { ClaimId = refused.ClaimId })).Claims[0].Overdue);
    }

    [Fact]
    public async Task DecideClaim_AgainWithUnchangedFacts_NoOp()
    {
        await InsureAsync(person: 14, months: 24);
        var submitted = await SubmitAsync(person: 14);
        await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });

        var again = await Client.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-06" });

        Assert.False(again.Changed);
        Assert.Equal("2024-11-05", Assert.Single(again.Claim.Decisions).DecisionDate);
        Assert.Single(await EventsAsync(), e => e.Type == "BenefitGranted");
    }

    [Fact]
    [Trait("clause", "2.(3)")]
    public async Task SendOverdueNotices_ClaimNotDecidedByItsDueDate_ExactlyOneEvent()
    {
        var overdue = await SubmitAsync(person: 15, applied: "2024-09-27");
        var decided = await SubmitAsync(person: 16, applied: "2024-09-27");
        var inTime = await SubmitAsync(person: 17, applied: "2024-11-25");
        await DecideAsync(new DecideClaimRequest { ClaimId = decided.ClaimId, DecisionDate = "2024-10-10" });
        var workflow = Hub.Services.GetRequiredService<BenefitClaimWorkflow>();

        var first = await workflow.SendOverdueNoticesAsync(CancellationToken.None);
        var second = await workflow.SendOverdueNoticesAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        var e = Assert.Single(await EventsAsync(), x => x.Type == "BenefitClaimOverdue");
        Assert.Equal((overdue.ClaimId, KeyOf(15), "2024-10-16", "2024-11-30"), (e.Payload.GetProperty("claimId").GetString(), e.Subject,
            e.Payload.GetProperty("dueOn").GetString(), e.Payload.GetProperty("asOf").GetString()));
        var read = await Client.GetClaimAsync(new GetClaimRequest { ClaimId = overdue.ClaimId });
        Assert.True(Assert.Single(read.Claims).Overdue);
        Assert.False((await Client.GetClaimAsync(new GetClaimRequest { ClaimId = inTime.ClaimId })).Claims[0].Overdue);
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public async Task RecalculateBenefits_TransferInAddsFifteenMonths_PeriodTwelveToEighteen()
    {
        // 50 months in the XPCC (2019-01..2023-02) → 12 months of benefit; 15 transferred months (2017-01..2018-03) → 65 → 18.
        await InsureAsync(person: 18, months: 50, first: new DateOnly(2019, 1, 1));
        var submitted = await SubmitAsync(person: 18);
        var granted = await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });
        Assert.Equal((12, 50), (granted.Decisions[0].MaxMonths, granted.Decisions[0].ConsolidatedInsuredMonths));
        var transfer = Records.Transfer("t-18", person: 18);
        transfer.InsuredPeriods.Clear();
        transfer.InsuredPeriods.Add(new MonthRange { FromPeriod = "2017-01", ToPeriod = "2018-03" });
        transfer.InsuredPeriods.Add(new MonthRange { FromPeriod = "2019-01", ToPeriod = "2019-06" }); // also insured here: counted once
        transfer.BenefitMonthsPaid = 0;
        await TransfersIn.PushAsync(Hub, transfer, TransferInState.Sent);

        // 1.(4) Decision: a transfer in not yet COMPLETED adds nothing (this recalculated before the rule).
        var pending = await Client.RecalculateBenefitsAsync(new RecalculateBenefitsRequest());
        await TransfersIn.UpdateAsync(Hub, "t-18", TransferStatus.Completed);
        var summary = await Client.RecalculateBenefitsAsync(new RecalculateBenefitsRequest());

        Assert.Equal((1, 0), (pending.Claims, pending.Recalculated));
        // The completion itself recalculated the period (2.(4)); the call after it finds nothing left to do.
        Assert.Equal((1, 0), (summary.Claims, summary.Recalculated));
        var claim = (await Client.GetClaimAsync(new GetClaimRequest { ClaimId = submitted.ClaimId })).Claims[0];
        Assert.Equal([(BenefitOutcome.Granted, 18, 65, true, "RECALCULATED"), (BenefitOutcome.Granted, 12, 50, false, "DECIDED")],
            claim.Decisions.Select(d => (d.Outcome, d.MaxMonths, d.ConsolidatedInsuredMonths, d.IsCurrent, EnumNames.Suffix(d.Reason))).ToList());
        Assert.Equal(claim.Decisions[1].DecisionId, claim.Decisions[0].SupersedesDecisionId);
        var events = await EventsAsync();
        var changed = Assert.Single(events, e => e.Type == "BenefitPeriodRecalculated");
        Assert.Equal((12, 18, 50, 65, "BENEFIT_RECALCULATED_LONGER", KeyOf(18)), (changed.Payload.GetProperty("oldMaxMonths").GetInt32(),
            changed.Payload.GetProperty("newMaxMonths").GetInt32(), changed.Payload.GetProperty("oldConsolidatedInsuredMonths").GetInt32(),
            changed.Payload.GetProperty("consolidatedInsuredMonths").GetInt32(), changed.Payload.GetProperty("reasonCode").GetString(), changed.Subject));
        Assert.Single(events, e => e.Type == "NotificationRequested" && e.Payload.GetProperty("purpose").GetString() == "BENEFIT_PERIOD_RECALCULATED");
    }

    [Fact]
    [Trait("clause", "2.(4)")]
    public async Task DecideClaim_GrantedThenTransferInCompleted_RecalculatedOnceKeepingTheGrantDate()
    {
        await InsureAsync(person: 19, months: 50, first: new DateOnly(2019, 1, 1));
        var submitted = await SubmitAsync(person: 19);
        await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });
        var transfer = Records.Transfer("t-19", person: 19);
        transfer.InsuredPeriods.Clear();
        transfer.InsuredPeriods.Add(new MonthRange { FromPeriod = "2017-01", ToPeriod = "2018-03" });
        transfer.BenefitMonthsPaid = 0;
        // Completed today (2024-11-30): only a decision as of today sees its months (1.(4) Decision); completing it recalculated.
        await TransfersIn.PushAsync(Hub, transfer, TransferInState.Completed);

        var again = await Client.DecideClaimAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-30" });

        Assert.False(again.Changed);
        Assert.Equal([(18, "2024-11-05", BenefitDecisionReason.Recalculated), (12, "2024-11-05", BenefitDecisionReason.Decided)],
            again.Claim.Decisions.Select(d => (d.MaxMonths, d.DecidedOn, d.Reason)).ToList());
        Assert.Single(await EventsAsync(), e => e.Type == "BenefitPeriodRecalculated");
    }

    /// <summary>1.(4) Decision: months of a transfer in count only once it is COMPLETED (11 here + 6 transferred = 17).</summary>
    [Theory]
    [InlineData(TransferInState.Requested, "REFUSED", 11)]
    [InlineData(TransferInState.Refused, "REFUSED", 11)]
    [InlineData(TransferInState.Sent, "REFUSED", 11)]
    [InlineData(TransferInState.Completed, "GRANTED", 17)]
    public async Task DecideClaim_ElevenMonthsPlusATransferIn_MonthsAddedOnlyOnceCompleted(TransferInState state, string outcome, int months)
    {
        var decision = await DecideWithTransferInAsync(person: 24, localMonths: 11, Records.TransferIn("t-24", person: 24, "2017-01", "2017-06"), state);

        Assert.Equal((outcome, months), (EnumNames.Suffix(decision.Outcome), decision.ConsolidatedInsuredMonths));
    }

    /// <summary>
    /// 1.(4) Decision: insured months count up to the month before the application. 12 lines 2023-11..2024-10: applied
    /// in November, 12 months count; applied on the last day of October, 11.
    /// </summary>
    [Theory]
    [InlineData("2024-10-31", "REFUSED", 11)]
    [InlineData("2024-11-01", "GRANTED", 12)]
    public async Task DecideClaim_MonthsFromTheApplicationsMonthOn_NotCounted(string applied, string outcome, int months)
    {
        await InsureAsync(person: 25, months: 12, first: new DateOnly(2023, 11, 1));
        var submitted = await SubmitAsync(person: 25, applied: applied);

        var claim = await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-30" });

        Assert.Equal((outcome, months), (EnumNames.Suffix(claim.Decisions[0].Outcome), claim.Decisions[0].ConsolidatedInsuredMonths));
    }

    [Fact]
    public async Task RecalculateBenefits_LinesOfMonthsAfterTheApplicationArrive_NotRecalculated()
    {
        await InsureAsync(person: 26, months: 24);
        var submitted = await SubmitAsync(person: 26);
        await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-05" });
        await InsureAsync(person: 26, months: 1, first: new DateOnly(2024, 11, 1));

        var summary = await Client.RecalculateBenefitsAsync(new RecalculateBenefitsRequest());

        // 1.(4) Decision: the month of the application (2024-11) does not count, so the facts of the decision are unchanged.
        Assert.Equal((1, 0), (summary.Claims, summary.Recalculated));
    }

    /// <summary>
    /// 1.(4) Decision: the previous spell's entitlement is the hub's own grant (claim of 2023-03-01 granted on 2023-03-06
    /// for 12 months); a claim stating another is refused naming the field; a claim stating none leaves the months
    /// received unknown. New months from 2023-03 on: 20 → 12 months.
    /// </summary>
    [Theory]
    [InlineData("2023-03", 12, "GRANTED", "BENEFIT_PREVIOUS_SPELL_FROM_GRANT", null)]
    [InlineData("2023-01", 12, "REFUSED", "BENEFIT_PREVIOUS_SPELL_CONTRADICTS_GRANT", "previous_spell.first_benefit_month")]
    [InlineData("2023-03", 18, "REFUSED", "BENEFIT_PREVIOUS_SPELL_CONTRADICTS_GRANT", "previous_spell.entitled_months")]
    [InlineData(null, 0, "UNDETERMINED", "BENEFIT_PREVIOUS_SPELL_RECEIVED_MISSING", null)]
    public async Task DecideClaim_UnemployedAgainAfterAGrantOfTheHub_PreviousSpellFromTheGrant(string? firstMonth, int entitled, string outcome, string reason,
        string? field)
    {
        await InsureAsync(person: 27, months: 46, first: new DateOnly(2021, 1, 1), receivedMonthly: true);
        var first = await SubmitAsync(person: 27, applied: "2023-03-01");
        var firstGrant = await DecideAsync(new DecideClaimRequest { ClaimId = first.ClaimId, DecisionDate = "2023-03-06" });
        // As of 2023-03-06: the lines of 2021-01..2023-01 (received by 2023-02-15); 2023-02's arrives on 2023-03-15.
        Assert.Equal((BenefitOutcome.Granted, 12, 25), (firstGrant.Decisions[0].Outcome, firstGrant.Decisions[0].MaxMonths, firstGrant.Decisions[0].ConsolidatedInsuredMonths));
        var request = Submit(person: 27, applied: "2024-11-04");
        if (firstMonth is not null)
        {
            request.PreviousSpell = new PreviousSpell { FirstBenefitMonth = firstMonth, EntitledMonths = entitled, ReceivedMonths = 12 };
        }
        var again = await Client.SubmitClaimAsync(request);

        var claim = await DecideAsync(new DecideClaimRequest { ClaimId = again.ClaimId, DecisionDate = "2024-11-05" });

        var decision = claim.Decisions[0];
        Assert.Equal(outcome, EnumNames.Suffix(decision.Outcome));
        var spell = Assert.Single(decision.Explanation, r => r.RuleId == "BENEFIT_PREVIOUS_SPELL");
        Assert.Equal((reason, "2023-03", "12"), (spell.ReasonCode, spell.Inputs["granted_first_benefit_month"], spell.Inputs["granted_entitled_months"]));
        Assert.Equal(field, spell.Inputs.GetValueOrDefault("field"));
        if (outcome == "GRANTED")
        {
            Assert.Equal(12, decision.MaxMonths);
        }
        if (outcome == "UNDETERMINED")
        {
            var e = Assert.Single(await EventsAsync(), x => x.Type == "BenefitUndetermined");
            Assert.Equal(["PreviousSpell.ReceivedMonths"], e.Payload.GetProperty("missingFacts").EnumerateArray().Select(m => m.GetString()!).ToList());
        }
    }

    /// <summary>1.(4) Decision: benefit months already paid elsewhere in the spell (a completed transfer in) are deducted.</summary>
    [Theory]
    [InlineData(TransferInState.Sent, 12, "BENEFIT_DURATION_BY_INSURED_MONTHS")]
    [InlineData(TransferInState.Completed, 10, "BENEFIT_DURATION_LESS_PAID_ELSEWHERE")]
    public async Task DecideClaim_TransferInWithBenefitMonthsPaid_DeductedOnlyOnceCompleted(TransferInState state, int maxMonths, string reason)
    {
        var decision = await DecideWithTransferInAsync(person: 28, localMonths: 24,
            Records.TransferIn("t-28", person: 28, "2015-01", "2015-06", benefitMonthsPaid: 2), state);

        Assert.Equal((BenefitOutcome.Granted, maxMonths), (decision.Outcome, decision.MaxMonths));
        Assert.Equal(reason, decision.Explanation.Single(r => r.RuleId == "BENEFIT_DURATION").ReasonCode);
    }

    [Fact]
    [Trait("clause", "FACTS")]
    public async Task DecideClaim_Decided_StoresDecisionDateKnowledgeTimeAndFacts()
    {
        await InsureAsync(person: 29, months: 12);
        var submitted = await SubmitAsync(person: 29);

        await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-06" });

        var now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(1, await Hub.Database.ScalarAsync($"SELECT COUNT(*) FROM benefit_decisions WHERE claim_id = '{submitted.ClaimId}' "
            + $"AND decision_date = '2024-11-06' AND knowledge_time_unix_ms = {now} AND facts_json LIKE '%\"ApplicationMonth\":\"2024-11\"%'"));
    }

    [Fact]
    public async Task GetClaim_ByResidentId_EveryClaimOfThePersonWithHistory()
    {
        await InsureAsync(person: 20, months: 24);
        var first = await SubmitAsync(person: 20, applied: "2024-10-08");
        var second = await SubmitAsync(person: 20, applied: "2024-11-04");
        await DecideAsync(new DecideClaimRequest { ClaimId = first.ClaimId, DecisionDate = "2024-10-09" });

        var found = await Client.GetClaimAsync(new GetClaimRequest { ResidentId = Ids.ResidentId(20) });

        Assert.Equal([(first.ClaimId, BenefitClaimStatus.Decided, 1), (second.ClaimId, BenefitClaimStatus.Submitted, 0)],
            found.Claims.Select(c => (c.ClaimId, c.Status, c.Decisions.Count)).ToList());
        Assert.All(found.Claims, c => Assert.Equal(KeyOf(20), c.PersonKey));
    }

    [Fact]
    public async Task SubmitClaim_NoChannel_InvalidArgumentNamingChannels()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Client.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(21), AppliedDate = "2024-11-01", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered,
        }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("channels", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task SubmitClaim_BadResidentIdOrFutureDate_InvalidArgument()
    {
        var badId = await Assert.ThrowsAsync<RpcException>(async () => await SubmitAsync(person: 22, residentId: "110101199001011235"));
        var future = await Assert.ThrowsAsync<RpcException>(async () => await SubmitAsync(person: 22, applied: "2024-12-01"));

        Assert.Equal("resident_id", Assert.Single(badId.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal("applied_date", Assert.Single(future.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task DecideClaim_UnknownClaimOrDateBeforeApplication_NotFoundOrInvalidArgumentNamingTheDate()
    {
        var submitted = await SubmitAsync(person: 23, applied: "2024-11-04");

        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await DecideAsync(new DecideClaimRequest { ClaimId = Guid.NewGuid().ToString("D") }));
        var early = await Assert.ThrowsAsync<RpcException>(async () =>
            await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-01" }));

        // A business date before the record it acts on (2.(1) "Decision (dated actions)"): INVALID_ARGUMENT naming the field.
        Assert.Equal((StatusCode.NotFound, StatusCode.InvalidArgument), (unknown.StatusCode, early.StatusCode));
        Assert.Equal("decision_date", Assert.Single(early.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    /// <summary>
    /// <paramref name="months"/> REGULAR lines of unit 1 for the person, monthly from <paramref name="first"/> (default
    /// 2022-01), received on 2023-06-15 or, with <paramref name="receivedMonthly"/>, on the 15th of the month after each.
    /// </summary>
    private async Task InsureAsync(int person, int months, DateOnly? first = null, bool receivedMonthly = false)
    {
        var start = first ?? new DateOnly(2022, 1, 1);
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line($"bline-{person}-{start.AddMonths(i):yyyyMM}", unit: 1, person: person, period: $"{start.AddMonths(i):yyyy-MM}"))
            .ToList();
        if (receivedMonthly)
        {
            lines.ForEach(l => l.ReceivedDate = $"{DateOnly.ParseExact(l.Period + "-15", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1):yyyy-MM-dd}");
        }
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
    }

    private async Task<BenefitClaimRecord> DecideAsync(DecideClaimRequest request) => (await Client.DecideClaimAsync(request)).Claim;

    /// <summary>The decision, as of today, of a claim of a person with <paramref name="localMonths"/> here and <paramref name="transfer"/> at <paramref name="state"/>.</summary>
    private async Task<BenefitDecisionRecord> DecideWithTransferInAsync(int person, int localMonths, TransferRequestRecord transfer, TransferInState state)
    {
        await InsureAsync(person, localMonths);
        await TransfersIn.PushAsync(Hub, transfer, state);
        var submitted = await SubmitAsync(person);
        return (await DecideAsync(new DecideClaimRequest { ClaimId = submitted.ClaimId, DecisionDate = "2024-11-30" })).Decisions[0];
    }

    private async Task<SubmitClaimResponse> SubmitAsync(int person, string applied = "2024-11-04",
        SeparationReason separation = SeparationReason.ContractExpired, Registration registration = Registration.Registered, string? residentId = null) =>
        await Client.SubmitClaimAsync(Submit(person, applied, separation, registration, residentId));

    private static SubmitClaimRequest Submit(int person, string applied = "2024-11-04", SeparationReason separation = SeparationReason.ContractExpired,
        Registration registration = Registration.Registered, string? residentId = null) => new()
    {
        ResidentId = residentId ?? Ids.ResidentId(person), AppliedDate = applied, SeparationReason = separation, Registration = registration,
        Channels = { NotificationChannel.App, NotificationChannel.Sms },
    };

    /// <summary>The events in the outbox; none may carry a resident id (persons appear only as keys).</summary>
    private async Task<List<HubQueries.OutboxEvent>> EventsAsync()
    {
        var events = await HubQueries.EventsAsync(Hub);
        foreach (var e in events)
        {
            var text = e.Payload.GetRawText() + " " + e.Subject;
            Assert.DoesNotContain(ResidentIds, id => text.Contains(id, StringComparison.Ordinal));
        }
        return events;
    }

    private string KeyOf(int person) => Hub.Services.GetRequiredService<PersonKey>().Of(Ids.ResidentId(person));

    private static List<string> ReasonCodes(HubQueries.OutboxEvent e) =>
        e.Payload.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
}

[Trait("storage", "sqlite")]
public sealed class SqliteBenefitClaimTests() : BenefitClaimTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresBenefitClaimTests() : BenefitClaimTests(StorageProvider.Postgres);
