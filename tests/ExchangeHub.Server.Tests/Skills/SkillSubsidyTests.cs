using System.Text.Json;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>
/// Skill-upgrade subsidies (1.(3), 2.(2)) from the feeds to stored decisions and outbox events, through the real hub
/// (clock at 2024-11-30, certificates of 2024). Persons insured through contribution lines of unit 1.
/// </summary>
[Trait("clause", "1.(3)")]
public abstract class SkillSubsidyTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Occupation = "6-29-01-03";

    /// <summary>Every resident id these tests use (persons 0 to 39).</summary>
    private static readonly string[] ResidentIds = Enumerable.Range(0, 40).Select(Ids.ResidentId).ToArray();

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Theory]
    [InlineData(5, 100_000L)]
    [InlineData(4, 150_000L)]
    [InlineData(3, 200_000L)]
    public async Task DecideSkillSubsidies_InsuredTwelveMonths_GrantedAmountByLevel(int level, long amountFen)
    {
        await InsureAsync(person: 10, months: 12);
        await CertifyAsync(Records.Certificate("cert-a", person: 10, level: level));

        var summary = await DecideAsync();

        Assert.Equal((1, 1, 0), (summary.Certificates, summary.Granted, summary.Refused));
        var decision = await CurrentAsync("C-cert-a");
        Assert.Equal((SkillOutcome.Granted, amountFen, level, "2024-11-30"), (decision.Outcome, decision.AmountFen, decision.Level, decision.DecisionDate));
        Assert.Equal(KeyOf(10), decision.PersonKey);
        var granted = Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyGranted");
        Assert.Equal(KeyOf(10), granted.Subject);
        Assert.Equal(amountFen, granted.Payload.GetProperty("amountFen").GetInt64());
        Assert.Equal(Occupation, granted.Payload.GetProperty("occupationCode").GetString());
        Assert.Equal(decision.DecisionId, granted.Payload.GetProperty("decisionId").GetInt64());
        Assert.Equal(summary.CorrelationId, granted.CorrelationId);
        Assert.Contains(granted.Payload.GetProperty("explanation").EnumerateArray(),
            r => r.GetProperty("reasonCode").GetString() == "SKILL_PERSON_INSURED_MONTHS_MET");
    }

    [Fact]
    public async Task DecideSkillSubsidies_LevelTwo_RefusedLevelNotCovered()
    {
        await InsureAsync(person: 11, months: 20);
        await CertifyAsync(Records.Certificate("cert-l2", person: 11, level: 2));

        await DecideAsync();

        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-cert-l2")).Outcome);
        Assert.Equal(["SKILL_LEVEL_NOT_COVERED"], ReasonCodes(Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyRefused")));
    }

    [Fact]
    public async Task DecideSkillSubsidies_ElevenMonthsNoBenefitGrant_RefusedNotQualified()
    {
        await InsureAsync(person: 12, months: 11);
        await CertifyAsync(Records.Certificate("cert-11", person: 12));

        var summary = await DecideAsync();

        // 1.(3) Decision: no benefit grant of the hub covers the issue date and fewer than 12 months: not qualified (was
        // UNDETERMINED while the hub did not read its own benefit decisions).
        Assert.Equal((0, 1, 0), (summary.Granted, summary.Refused, summary.Undetermined));
        var decision = await CurrentAsync("C-cert-11");
        Assert.Equal((SkillOutcome.Refused, 0L), (decision.Outcome, decision.AmountFen));
        var person = decision.Explanation.Single(r => r.RuleId == "SKILL_PERSON");
        Assert.Equal(("SKILL_PERSON_NOT_QUALIFIED", "11", "false"), (person.ReasonCode, person.Inputs["insured_months"], person.Inputs["receiving_benefit"]));
        Assert.Equal(["SKILL_PERSON_NOT_QUALIFIED"], ReasonCodes(Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyRefused")));
    }

    /// <summary>
    /// 1.(3) Decision "receiving benefit": a GRANTED benefit decision of the hub covering the issue date. The grant of
    /// 2024-02-05 for 8 months (the previous spell's remaining months) covers 2024-02-05..2024-10-04.
    /// </summary>
    [Theory]
    [InlineData(24, "2024-02-04", "REFUSED", "SKILL_PERSON_NOT_QUALIFIED")]
    [InlineData(25, "2024-02-05", "GRANTED", "SKILL_PERSON_RECEIVING_BENEFIT")]
    [InlineData(26, "2024-10-04", "GRANTED", "SKILL_PERSON_RECEIVING_BENEFIT")]
    [InlineData(27, "2024-10-05", "REFUSED", "SKILL_PERSON_NOT_QUALIFIED")]
    public async Task DecideSkillSubsidies_SixMonthsAndABenefitGrant_GrantedOnlyWhileTheGrantCoversTheIssueDate(int person, string issued, string outcome,
        string reason)
    {
        await InsureAsync(person, months: 6);
        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));
        var claim = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(person), AppliedDate = "2024-02-01", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
            PreviousSpell = new PreviousSpell { FirstBenefitMonth = "2022-01", EntitledMonths = 12, ReceivedMonths = 4 },
        });
        var granted = (await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-02-05" })).Claim;
        Assert.Equal((BenefitOutcome.Granted, 8), (granted.Decisions[0].Outcome, granted.Decisions[0].MaxMonths));
        await CertifyAsync(Records.Certificate($"ben-{person}", person: person, issued: issued));

        await DecideAsync();

        var decision = await CurrentAsync($"C-ben-{person}");
        Assert.Equal((outcome, reason), (EnumNames.Suffix(decision.Outcome), decision.Explanation.Single(r => r.RuleId == "SKILL_PERSON").ReasonCode));
    }

    [Theory]
    [InlineData("2024-06-15", "UNDETERMINED")]
    [InlineData("2024-06-16", "REFUSED")]
    public async Task DecideSkillSubsidies_ElevenMonthsAndAClaimNotYetDecided_UndeterminedOnlyIfAppliedForByTheIssueDate(string applied, string outcome)
    {
        await InsureAsync(person: 28, months: 11);
        await new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken)).SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(28), AppliedDate = applied, SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
        });
        await CertifyAsync(Records.Certificate("pend", person: 28, issued: "2024-06-15"));

        await DecideAsync();

        // FACTS "missing is not zero": a claim applied for by the issue date and not decided could still grant a period
        // covering it, so the benefit status is unknown; a claim applied for later cannot.
        var decision = await CurrentAsync("C-pend");
        Assert.Equal(outcome, EnumNames.Suffix(decision.Outcome));
        if (outcome == "UNDETERMINED")
        {
            Assert.Contains(decision.Explanation, r => r.ReasonCode == "SKILL_PERSON_BENEFIT_STATUS_MISSING" && r.Result == RuleEvaluation.Undetermined);
            var e = Assert.Single(await EventsAsync(), x => x.Type == "SkillSubsidyUndetermined");
            Assert.Equal(["ReceivingBenefitOnIssueDate"], e.Payload.GetProperty("missingFacts").EnumerateArray().Select(m => m.GetString()!).ToList());
        }
    }

    /// <summary>1.(3): months of a transfer in count only once it is COMPLETED (a refused or pending request adds nothing).</summary>
    [Theory]
    [InlineData(TransferInState.Requested, "REFUSED", "11")]
    [InlineData(TransferInState.Refused, "REFUSED", "11")]
    [InlineData(TransferInState.Sent, "REFUSED", "11")]
    [InlineData(TransferInState.Completed, "GRANTED", "18")]
    public async Task DecideSkillSubsidies_ElevenMonthsPlusATransferIn_MonthsAddedOnlyOnceCompleted(TransferInState state, string outcome, string months)
    {
        await InsureAsync(person: 13, months: 11);
        // 2023-01 is also insured here: counted once.
        await TransfersIn.PushAsync(Hub, Records.TransferIn("t-13", person: 13, "2022-06", "2023-01"), state);
        await CertifyAsync(Records.Certificate("cert-t", person: 13));

        await DecideAsync();

        var decision = await CurrentAsync("C-cert-t");
        Assert.Equal((outcome, months), (EnumNames.Suffix(decision.Outcome), decision.Explanation.Single(r => r.RuleId == "SKILL_PERSON").Inputs["insured_months"]));
    }

    [Fact]
    [Trait("clause", "2.(2)")]
    public async Task DecideSkillSubsidies_FourthCertificateInAYear_RefusedYearlyCap()
    {
        await InsuredWithFourCertificatesAsync(person: 14, "cap");

        var summary = await DecideAsync();

        Assert.Equal((3, 1), (summary.Granted, summary.Refused));
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-cap-4")).Outcome);
        var refused = Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyRefused");
        Assert.Equal("C-cap-4", refused.Payload.GetProperty("certificateNumber").GetString());
        Assert.Equal(["SKILL_YEARLY_CAP_REACHED"], ReasonCodes(refused));
    }

    [Fact]
    [Trait("clause", "2.(2)")]
    public async Task DecideSkillSubsidies_LowerLevelAfterHigher_Refused()
    {
        await InsureAsync(person: 15, months: 12);
        await CertifyAsync(Records.Certificate("high", person: 15, level: 4, issued: "2024-03-01"));
        await DecideAsync("2024-10-01");
        await CertifyAsync(Records.Certificate("low", person: 15, level: 5, issued: "2024-05-01"));

        var summary = await DecideAsync();

        Assert.Equal((2, 1, 1, 0), (summary.Certificates, summary.Unchanged, summary.Refused, summary.Granted));
        Assert.Equal(SkillOutcome.Granted, (await CurrentAsync("C-high")).Outcome);
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-low")).Outcome);
        Assert.Equal(["SKILL_LOWER_LEVEL_AFTER_HIGHER"], ReasonCodes(Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyRefused")));
    }

    [Fact]
    [Trait("clause", "2.(2)")]
    public async Task DecideSkillSubsidies_SameOccupationAndLevelTwice_SecondRefused()
    {
        await InsureAsync(person: 16, months: 12);
        await CertifyAsync(
            Records.Certificate("once-1", person: 16, issued: "2024-03-01"),
            Records.Certificate("once-2", person: 16, issued: "2024-07-01"));

        await DecideAsync();

        Assert.Equal(SkillOutcome.Granted, (await CurrentAsync("C-once-1")).Outcome);
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-once-2")).Outcome);
        Assert.Equal(["SKILL_ALREADY_GRANTED_SAME_LEVEL"], ReasonCodes(Assert.Single(await EventsAsync(), e => e.Type == "SkillSubsidyRefused")));
    }

    /// <summary>
    /// 1.(3) SKILL_NO_DOUBLE Decision: a training subsidy already paid when the skill subsidy is decided (the day before
    /// or on the decision date, recorded before the call) refuses it — never granted and recovered in the same call. One
    /// paid the day after is not known on the decision date: granted, and a later call recovers the training subsidy.
    /// </summary>
    [Theory]
    [InlineData(30, "2024-11-19", "REFUSED", 0)]
    [InlineData(31, "2024-11-20", "REFUSED", 0)]
    [InlineData(32, "2024-11-21", "GRANTED", 1)]
    public async Task DecideSkillSubsidies_TrainingPaidAroundTheDecisionDate_RefusedWhenAlreadyPaidElseTheTrainingSubsidyRecovered(int person, string paid,
        string outcome, int clawbacks)
    {
        await InsureAsync(person, months: 12);
        await CertifyAsync(Records.Certificate($"paid-{person}", person: person));
        await PayTrainingAsync(Records.TrainingPayment($"pay-{person}", $"C-paid-{person}", unit: 5, paid: paid));
        Clock.Advance(TimeSpan.FromSeconds(1));

        var first = await DecideAsync("2024-11-20");
        var later = await DecideAsync();

        var decision = await CurrentAsync($"C-paid-{person}");
        Assert.Equal((outcome, 0, clawbacks), (EnumNames.Suffix(decision.Outcome), first.Clawbacks, later.Clawbacks));
        var events = await EventsAsync();
        if (outcome == "REFUSED")
        {
            Assert.Equal(["SKILL_TRAINING_SUBSIDY_ALREADY_PAID"], ReasonCodes(Assert.Single(events, e => e.Type == "SkillSubsidyRefused")));
            var check = decision.Explanation.Single(r => r.RuleId == "SKILL_NO_DOUBLE");
            Assert.Equal(("1.(3)", RuleEvaluation.Failed, paid), (check.ClauseId, check.Result, check.Inputs["training_paid_on"]));
            Assert.DoesNotContain(events, e => e.Type is "SkillSubsidyGranted" or "SubsidyClawback");
            // Final for its facts: a later call with the same facts does not decide it again.
            Assert.Equal((0, 1), (later.Decided, later.Unchanged));
        }
        else
        {
            Assert.Equal(("VOCATIONAL_TRAINING", "UNIT", Ids.Uscc(5), 80_000L, paid), Clawback(Assert.Single(events, e => e.Type == "SubsidyClawback")));
        }
    }

    /// <summary>
    /// 1.(3) Decisions on a training subsidy the grant (decided 2024-11-20) could not know of, reported after it: paid the
    /// grant's own day, the one the hub recorded later is the later — the training subsidy, recovered from the unit; paid
    /// before the grant, the skill subsidy was paid later and is recovered from the person (the one kept is named).
    /// </summary>
    [Theory]
    [InlineData(33, "2024-11-20", "VOCATIONAL_TRAINING", "SKILL_UPGRADE")]
    [InlineData(17, "2024-07-01", "SKILL_UPGRADE", "VOCATIONAL_TRAINING")]
    public async Task DecideSkillSubsidies_TrainingSubsidyReportedAfterTheGrant_TheLaterPaymentRecovered(int person, string paid, string recovered,
        string kept)
    {
        await InsureAsync(person, months: 12);
        await CertifyAsync(Records.Certificate($"dbl-{person}", person: person));
        await DecideAsync("2024-11-20");
        Clock.Advance(TimeSpan.FromSeconds(1));
        await PayTrainingAsync(Records.TrainingPayment($"pay-{person}", $"C-dbl-{person}", unit: 7, paid: paid));

        var summary = await DecideAsync();

        Assert.Equal((0, 1, 1), (summary.Decided, summary.Unchanged, summary.Clawbacks));
        var clawback = Assert.Single(await EventsAsync(), e => e.Type == "SubsidyClawback");
        var expected = recovered == "SKILL_UPGRADE" ? ("SKILL_UPGRADE", "PERSON", KeyOf(person), 100_000L, "2024-11-20")
            : ("VOCATIONAL_TRAINING", "UNIT", Ids.Uscc(7), 80_000L, paid);
        Assert.Equal(expected, Clawback(clawback));
        Assert.Equal(expected.Item3, clawback.Subject);
        Assert.Equal(kept, clawback.Payload.GetProperty("keptSubsidy").GetString());
        var check = Assert.Single(clawback.Payload.GetProperty("explanation").EnumerateArray());
        Assert.Equal("SKILL_DOUBLE_SUBSIDY_RECOVER_LATER", check.GetProperty("reasonCode").GetString());
        var stored = (await DecisionsAsync($"C-dbl-{person}")).Clawback;
        Assert.Equal((expected.Item1, expected.Item2, expected.Item3, expected.Item4),
            (EnumNames.Suffix(stored.RecoveredSubsidy), EnumNames.Suffix(stored.RecipientKind), stored.RecipientKey, stored.AmountFen));
    }

    /// <summary>
    /// 1.(3) "Grants are dated inside the programme window" and FACTS "final for its facts": a 4th certificate refused
    /// for the 2024 yearly cap is not granted by a call dated 2025-01-10 under the 2024 file — the calendar moving does
    /// not decide it again, and when its facts change it is refused SKILL_PROGRAMME_ENDED.
    /// </summary>
    [Fact]
    [Trait("clause", "2.(2)")]
    public async Task DecideSkillSubsidies_CapRefusalIn2024ThenA2025Call_NotGranted()
    {
        await InsuredWithFourCertificatesAsync(person: 34, "yr");
        Assert.Equal((3, 1), ((await DecideAsync()).Granted, (await CurrentAsync("C-yr-4")).Outcome == SkillOutcome.Refused ? 1 : 0));
        Clock.SetUtcNow(new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.Zero));

        var calendarMoved = await DecideAsync("2025-01-10");
        await InsureAsync(person: 34, months: 1, first: new DateOnly(2022, 1, 1));
        var factsChanged = await DecideAsync("2025-01-10");

        Assert.Equal((0, 4), (calendarMoved.Decided, calendarMoved.Unchanged));
        Assert.Equal((1, 0, 1), (factsChanged.Decided, factsChanged.Granted, factsChanged.Refused));
        var history = (await DecisionsAsync("C-yr-4")).Decisions;
        Assert.Equal([(SkillOutcome.Refused, "2025-01-10"), (SkillOutcome.Refused, "2024-11-30")], history.Select(d => (d.Outcome, d.DecisionDate)).ToList());
        Assert.Equal(["SKILL_PROGRAMME_ENDED"], history[0].Explanation.Where(r => r.Result == RuleEvaluation.Failed).Select(r => r.ReasonCode));
        Assert.DoesNotContain(await EventsAsync(), e => e.Type == "SkillSubsidyGranted" && e.Payload.GetProperty("certificateNumber").GetString() == "C-yr-4");
    }

    /// <summary>1.(3): a certificate of 2024 decided on the programme's last day is granted; on the day after, under the 2024 file, refused.</summary>
    [Theory]
    [InlineData(35, "2024-12-31", "GRANTED", "SKILL_GRANT_DATE_IN_WINDOW")]
    [InlineData(36, "2025-01-01", "REFUSED", "SKILL_PROGRAMME_ENDED")]
    public async Task DecideSkillSubsidies_AroundTheProgrammeEnd_RefusedAfterTheWindow(int person, string decisionDate, string outcome, string reason)
    {
        Clock.SetUtcNow(new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero));
        await InsureAsync(person, months: 12);
        await CertifyAsync(Records.Certificate($"end-{person}", person: person));

        await DecideAsync(decisionDate);

        var decision = await CurrentAsync($"C-end-{person}");
        Assert.Equal((outcome, decisionDate), (EnumNames.Suffix(decision.Outcome), decision.DecisionDate));
        Assert.Contains(decision.Explanation, r => r.RuleId == "SKILL_WINDOW" && r.ReasonCode == reason && r.Inputs["grant_date"] == decisionDate);
    }

    [Fact]
    public async Task DecideSkillSubsidies_TrainingPaidAfterTheGrant_ClawbackOfTheTrainingSubsidyFromTheUnit()
    {
        await InsureAsync(person: 18, months: 12);
        await CertifyAsync(Records.Certificate("dbl-b", person: 18));
        await DecideAsync("2024-11-20");
        await PayTrainingAsync(Records.TrainingPayment("pay-b", "C-dbl-b", unit: 6, paid: "2024-11-25", amount: 90_000));

        var summary = await DecideAsync();

        Assert.Equal((0, 1, 1), (summary.Decided, summary.Unchanged, summary.Clawbacks));
        var clawback = Assert.Single(await EventsAsync(), e => e.Type == "SubsidyClawback");
        Assert.Equal(("VOCATIONAL_TRAINING", "UNIT", Ids.Uscc(6), 90_000L, "2024-11-25"), Clawback(clawback));
        Assert.Equal(Ids.Uscc(6), clawback.Subject);
        Assert.Equal("SKILL_UPGRADE", clawback.Payload.GetProperty("keptSubsidy").GetString());
        // Recovered once: deciding again finds nothing new.
        Assert.Equal(0, (await DecideAsync()).Clawbacks);
        Assert.Single(await EventsAsync(), e => e.Type == "SubsidyClawback");
    }

    [Fact]
    public async Task DecideSkillSubsidies_TrainingPaidToThePersonAfterTheGrant_ClawbackNamesThePersonByKey()
    {
        await InsureAsync(person: 19, months: 12);
        await CertifyAsync(Records.Certificate("dbl-c", person: 19));
        await DecideAsync("2024-11-20");
        var payment = Records.TrainingPayment("pay-c", "C-dbl-c", paid: "2024-11-28");
        payment.RecipientKind = SubsidyRecipientKind.Person;
        payment.RecipientId = Ids.ResidentId(19);
        await PayTrainingAsync(payment);

        await DecideAsync();

        var clawback = Assert.Single(await EventsAsync(), e => e.Type == "SubsidyClawback");
        var (recover, kind, key, _, _) = Clawback(clawback);
        Assert.Equal(("VOCATIONAL_TRAINING", "PERSON", KeyOf(19)), (recover, kind, key));
    }

    [Fact]
    public async Task DecideSkillSubsidies_Again_UnchangedAndNoNewEvents()
    {
        await InsureAsync(person: 20, months: 12);
        await CertifyAsync(Records.Certificate("again-1", person: 20), Records.Certificate("again-2", person: 21));
        var first = await DecideAsync();
        var events = (await EventsAsync()).Count;

        var second = await DecideAsync();

        Assert.Equal((2, 2), (first.Decided, first.Certificates));
        Assert.Equal((0, 2), (second.Decided, second.Unchanged));
        Assert.Equal(events, (await EventsAsync()).Count);
        var history = await DecisionsAsync("C-again-2");
        Assert.Single(history.Decisions);
    }

    [Fact]
    public async Task DecideSkillSubsidies_MoreMonthsArrive_RefusedSupersededByGrant()
    {
        await InsureAsync(person: 22, months: 11);
        await CertifyAsync(Records.Certificate("late", person: 22));
        await DecideAsync();
        await InsureAsync(person: 22, months: 1, first: new DateOnly(2022, 1, 1));

        await DecideAsync();

        var history = await DecisionsAsync("C-late");
        // 1.(3) Decision: 11 months and no benefit grant is REFUSED (was UNDETERMINED); a refusal is decided again when its facts change.
        Assert.Equal([(SkillOutcome.Granted, true), (SkillOutcome.Refused, false)], history.Decisions.Select(d => (d.Outcome, d.IsCurrent)).ToList());
        Assert.Equal(history.Decisions[1].DecisionId, history.Decisions[0].SupersedesDecisionId);
    }

    [Fact]
    public async Task DecideSkillSubsidies_CertificateIssuedAfterTheDecisionDate_DecidedOnlyFromItsIssueDate()
    {
        await InsureAsync(person: 23, months: 12);
        await CertifyAsync(Records.Certificate("future", person: 23, issued: "2024-11-10"));

        var early = await DecideAsync("2024-11-01");
        var later = await DecideAsync("2024-11-10");

        Assert.Equal((0, 0), (early.Certificates, early.Decided));
        Assert.Equal((1, 1), (later.Certificates, later.Granted));
        Assert.Equal("2024-11-10", (await CurrentAsync("C-future")).DecisionDate);
    }

    [Fact]
    [Trait("clause", "FACTS")]
    public async Task DecideSkillSubsidies_Decided_StoresKnowledgeTimeAndTheFactsHashed()
    {
        await InsureAsync(person: 29, months: 12);
        await CertifyAsync(Records.Certificate("stored", person: 29));

        await DecideAsync("2024-11-29");

        var now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(1, await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM skill_subsidy_decisions WHERE certificate_number = 'C-stored' "
            + $"AND decided_on = '2024-11-29' AND knowledge_time_unix_ms = {now} AND facts_json LIKE '%\"ReceivingBenefitOnIssueDate\":false%'"));
    }

    [Fact]
    public async Task GetSkillSubsidyDecisions_UnknownCertificate_NotFound()
    {
        var client = new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken));
        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await client.GetSkillSubsidyDecisionsAsync(new GetSkillSubsidyDecisionsRequest { CertificateNumber = "C-none" }));
        Assert.Equal((Grpc.Core.StatusCode.NotFound, "DECISION_NOT_FOUND"), ErrorDetails.Of(ex));
    }

    /// <summary><paramref name="months"/> REGULAR lines of unit 1 for the person, monthly from <paramref name="first"/> (default 2023-01).</summary>
    private async Task InsureAsync(int person, int months, DateOnly? first = null)
    {
        var start = first ?? new DateOnly(2023, 1, 1);
        var lines = Enumerable.Range(0, months)
            .Select(i => Records.Line($"line-{person}-{start.AddMonths(i):yyyyMM}", unit: 1, person: person, period: $"{start.AddMonths(i):yyyy-MM}"))
            .ToList();
        Assert.Equal(0, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines)).Rejected);
    }

    /// <summary>12 insured months and four certificates of 2024 in four occupations (<paramref name="prefix"/>-1 … -4, issued 02-01 … 05-01): the 4th passes the yearly cap.</summary>
    private async Task InsuredWithFourCertificatesAsync(int person, string prefix)
    {
        await InsureAsync(person, months: 12);
        await CertifyAsync([.. Enumerable.Range(1, 4).Select(i =>
            Records.Certificate($"{prefix}-{i}", person: person, occupation: $"6-29-01-0{i}", issued: $"2024-0{i + 1}-01"))]);
    }

    private async Task CertifyAsync(params SkillCertificateRecord[] certificates) =>
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken), certificates)).Rejected);

    private async Task PayTrainingAsync(TrainingSubsidyPaymentRecord payment) =>
        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(Hub.Channel(TestHub.SkillToken), [payment])).Rejected);

    private async Task<DecideSkillSubsidiesResponse> DecideAsync(string date = "2024-11-30") =>
        await new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken))
            .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = date }, deadline: DateTime.UtcNow.AddMinutes(2));

    private async Task<GetSkillSubsidyDecisionsResponse> DecisionsAsync(string certificate) =>
        await new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken))
            .GetSkillSubsidyDecisionsAsync(new GetSkillSubsidyDecisionsRequest { CertificateNumber = certificate });

    private async Task<SkillSubsidyDecisionRecord> CurrentAsync(string certificate)
    {
        var decision = (await DecisionsAsync(certificate)).Decisions[0];
        Assert.True(decision.IsCurrent);
        return decision;
    }

    /// <summary>The skill events in the outbox; none may carry a resident id (persons appear only as keys).</summary>
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

    private static (string Recover, string Kind, string Key, long Amount, string PaidOn) Clawback(HubQueries.OutboxEvent e)
    {
        JsonElement p = e.Payload;
        return (p.GetProperty("recoverSubsidy").GetString()!, p.GetProperty("recipientKind").GetString()!, p.GetProperty("recipientKey").GetString()!,
            p.GetProperty("amountFen").GetInt64(), p.GetProperty("paidOn").GetString()!);
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteSkillSubsidyTests() : SkillSubsidyTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresSkillSubsidyTests() : SkillSubsidyTests(StorageProvider.Postgres);
