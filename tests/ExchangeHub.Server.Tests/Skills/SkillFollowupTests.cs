using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Skills;

/// <summary>
/// Skill subsidies follow the data (issue 14, item 3): a feed batch that changes the facts of a person with a skill
/// decision — a contribution line, a training subsidy paid for the certificate — or a benefit grant of the hub
/// (1.(3) "receiving benefit") marks the person (<c>decision_followups</c>, programme SKILL), and the hub decides the
/// person's certificates again by itself once the mark is due, as a DecideSkillSubsidies call dated today would, with
/// the round's <c>follow-…</c> correlation id. The real hub, its feeds and its database; the hub's clock is fake.
/// </summary>
[Trait("issue", "14")]
[Trait("clause", "1.(3)")]
public abstract class SkillFollowupTests(StorageProvider provider) : IAsyncLifetime
{
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>(FollowupClock.On())
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    [Fact]
    public async Task ElevenMonthsRefused_TwelfthMonthReported_GrantedByTheFollowUpWithoutACall()
    {
        await InsureAsync(person: 12, months: 11);
        await CertifyAsync(Records.Certificate("f-11", person: 12));
        await DecideAsync();
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-f-11")).Outcome);

        await InsureAsync(person: 12, months: 1, first: new DateOnly(2023, 12, 1));
        Assert.Equal((1L, 0L), (await MarksAsync("SKILL"), await MarksAsync("BENEFIT")));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(500);
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-f-11")).Outcome); // not before the delay

        await FollowupClock.AdvanceUntilAsync(Clock, async () => (await CurrentAsync("C-f-11")).Outcome == SkillOutcome.Granted);

        var granted = Assert.Single(await HubQueries.EventsAsync(Hub), e => e.Type == "SkillSubsidyGranted");
        Assert.StartsWith("follow-", granted.CorrelationId, StringComparison.Ordinal);
        Assert.Equal("12", (await CurrentAsync("C-f-11")).Explanation.Single(r => r.RuleId == "SKILL_PERSON").Inputs["insured_months"]);
        await FollowupClock.AdvanceUntilAsync(Clock, async () => await MarksAsync("SKILL") == 0);
        Assert.Contains(Hub.Logs.Lines, l => l.Contains("of SKILL: 1 persons", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonWithoutASkillDecision_NoMark()
    {
        await CertifyAsync(Records.Certificate("f-none", person: 13)); // certified, never decided
        await InsureAsync(person: 13, months: 12);
        await InsureAsync(person: 14, months: 12); // no certificate at all

        Assert.Equal(0, await MarksAsync(null));
    }

    /// <summary>
    /// SKILL_NO_DOUBLE: a training subsidy for the certificate paid after the skill grant (decided 2024-11-20, paid
    /// 2024-11-25) is recovered by the follow-up of the payment's batch, no call needed.
    /// </summary>
    [Fact]
    public async Task TrainingPaidAfterTheGrant_RecoveredByTheFollowUp()
    {
        await InsureAsync(person: 15, months: 12);
        await CertifyAsync(Records.Certificate("f-paid", person: 15));
        await DecideAsync("2024-11-20");
        Assert.Equal(SkillOutcome.Granted, (await CurrentAsync("C-f-paid")).Outcome);

        Assert.Equal(0, (await Infrastructure.Feeds.PushTrainingPaymentsAsync(Hub.Channel(TestHub.SkillToken),
            [Records.TrainingPayment("f-pay", "C-f-paid", unit: 5, paid: "2024-11-25")])).Rejected);
        Assert.Equal(1, await MarksAsync("SKILL"));

        await FollowupClock.AdvanceUntilAsync(Clock, async () => (await HubQueries.EventsAsync(Hub)).Any(e => e.Type == "SubsidyClawback"));

        var clawback = Assert.Single(await HubQueries.EventsAsync(Hub), e => e.Type == "SubsidyClawback");
        Assert.StartsWith("follow-", clawback.CorrelationId, StringComparison.Ordinal);
        Assert.Equal("VOCATIONAL_TRAINING", clawback.Payload.GetProperty("recoverSubsidy").GetString());
        Assert.Equal(SkillOutcome.Granted, (await CurrentAsync("C-f-paid")).Outcome); // a grant stands
    }

    /// <summary>
    /// 1.(3) Decision "receiving benefit": refused with 6 insured months, then the hub grants the person benefit from
    /// 2024-02-05 for 8 months (covering the issue date 2024-03-01): the grant marks the person and the follow-up grants
    /// the skill subsidy. No feed batch involved: the hub's own decision is a fact of the other programme.
    /// </summary>
    [Fact]
    public async Task RefusedThenBenefitGranted_SkillGrantedByTheFollowUp()
    {
        await InsureAsync(person: 25, months: 6);
        await CertifyAsync(Records.Certificate("f-ben", person: 25, issued: "2024-03-01"));
        await DecideAsync();
        Assert.Equal(SkillOutcome.Refused, (await CurrentAsync("C-f-ben")).Outcome);

        var claims = new BenefitClaimService.BenefitClaimServiceClient(Hub.Channel(TestHub.OperatorToken));
        var claim = await claims.SubmitClaimAsync(new SubmitClaimRequest
        {
            ResidentId = Ids.ResidentId(25), AppliedDate = "2024-02-01", SeparationReason = SeparationReason.ContractExpired,
            Registration = Registration.Registered, Channels = { NotificationChannel.App },
            PreviousSpell = new PreviousSpell { FirstBenefitMonth = "2022-01", EntitledMonths = 12, ReceivedMonths = 4 },
        });
        var decided = (await claims.DecideClaimAsync(new DecideClaimRequest { ClaimId = claim.ClaimId, DecisionDate = "2024-02-05" })).Claim;
        Assert.Equal(BenefitOutcome.Granted, decided.Decisions[0].Outcome);
        Assert.Equal(1, await MarksAsync("SKILL"));

        await FollowupClock.AdvanceUntilAsync(Clock, async () => (await CurrentAsync("C-f-ben")).Outcome == SkillOutcome.Granted);

        Assert.Equal("SKILL_PERSON_RECEIVING_BENEFIT", (await CurrentAsync("C-f-ben")).Explanation.Single(r => r.RuleId == "SKILL_PERSON").ReasonCode);
    }

    private Task<long> MarksAsync(string? programme) => Hub.Database.ScalarAsync(
        "SELECT COUNT(*) FROM decision_followups" + (programme is null ? "" : $" WHERE programme = '{programme}'"));

    private Task InsureAsync(int person, int months, DateOnly? first = null) =>
        Insured.MonthsAsync(Hub, "fline", person, months, first ?? new DateOnly(2023, 1, 1));

    private async Task CertifyAsync(params SkillCertificateRecord[] certificates) =>
        Assert.Equal(0, (await Infrastructure.Feeds.PushCertificatesAsync(Hub.Channel(TestHub.SkillToken), certificates)).Rejected);

    private async Task DecideAsync(string date = "2024-11-30") =>
        await new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken))
            .DecideSkillSubsidiesAsync(new DecideSkillSubsidiesRequest { DecisionDate = date }, deadline: DateTime.UtcNow.AddMinutes(2));

    private async Task<SkillSubsidyDecisionRecord> CurrentAsync(string certificate) =>
        Assert.Single((await new SkillSubsidyService.SkillSubsidyServiceClient(Hub.Channel(TestHub.OperatorToken))
            .GetSkillSubsidyDecisionsAsync(new GetSkillSubsidyDecisionsRequest { CertificateNumber = certificate })).Decisions, d => d.IsCurrent);
}

[Trait("storage", "sqlite")]
public sealed class SqliteSkillFollowupTests() : SkillFollowupTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresSkillFollowupTests() : SkillFollowupTests(StorageProvider.Postgres);
