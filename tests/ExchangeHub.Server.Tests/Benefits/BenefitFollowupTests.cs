using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Benefits;

/// <summary>
/// Benefit claims follow the data (issue 14, item 3): a feed batch that changes the insured months of a person with a
/// decided claim marks the person (programme BENEFIT), and the hub decides the claim again by itself once the mark is
/// due — as of the decision's own date D with the new knowledge ("FACTS": a line received after D cannot change the
/// decision of D). The real hub and its database; the hub's clock is fake (2024-11-30).
/// </summary>
[Trait("issue", "14")]
[Trait("clause", "1.(4)")]
public abstract class BenefitFollowupTests(StorageProvider provider) : IAsyncLifetime
{
    private const string DecisionDate = "2024-11-05";

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 11, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub Hub { get; set; } = null!;

    private BenefitClaimService.BenefitClaimServiceClient Client => new(Hub.Channel(TestHub.OperatorToken));

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>(FollowupClock.On())
    {
        ["Hub:Messaging:Enabled"] = "false",
        ["Hub:Refunds:SendReminders"] = "false",
        ["Hub:Benefits:SendOverdueNotices"] = "false",
        ["Hub:Policy:Path"] = TestPolicies.XinjiangCovering2024,
    }, Clock);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>
    /// Refused on D = 2024-11-05 with 11 insured months; the 12th month (2022-12) reaches the hub late. Received the day
    /// before D or on D it was in force on D: the follow-up grants, dated D. Received the day after D it does not count
    /// for the decision of D: the mark is cleared and the refusal stands.
    /// </summary>
    [Theory]
    [InlineData(11, "2024-11-04", true)]
    [InlineData(12, "2024-11-05", true)]
    [InlineData(13, "2024-11-06", false)]
    public async Task RefusedElevenMonths_LateTwelfthMonth_ReDecidedAsOfItsDecisionDate(int person, string received, bool granted)
    {
        await InsureAsync(person, months: 11);
        var claim = await SubmitAsync(person);
        var first = Assert.Single((await Client.DecideClaimAsync(new DecideClaimRequest { ClaimId = claim, DecisionDate = DecisionDate })).Claim.Decisions);
        Assert.Equal(BenefitOutcome.Refused, first.Outcome);

        var late = Records.Line($"late-{person}", unit: 1, person: person, period: "2022-12");
        late.ReceivedDate = received;
        Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), [late])).Accepted);
        Assert.Equal(1, await MarksAsync("BENEFIT"));

        await FollowupClock.AdvanceUntilAsync(Clock, async () => await MarksAsync("BENEFIT") == 0);

        var decisions = await DecisionsAsync(claim);
        if (!granted)
        {
            Assert.Equal(first.DecisionId, Assert.Single(decisions).DecisionId);
            return;
        }
        var current = Assert.Single(decisions, d => d.IsCurrent);
        Assert.Equal((BenefitOutcome.Granted, 12, DecisionDate, BenefitDecisionReason.FactsChanged, first.DecisionId),
            (current.Outcome, current.MaxMonths, current.DecisionDate, current.Reason, current.SupersedesDecisionId));
        var events = await HubQueries.EventsAsync(Hub);
        Assert.StartsWith("follow-", Assert.Single(events, e => e.Type == "BenefitGranted").CorrelationId, StringComparison.Ordinal);
        Assert.Contains(Hub.Logs.Lines, l => l.Contains("of BENEFIT: 1 persons, 1 decided claims, 1 decided again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimNotDecidedYet_NoMark()
    {
        await InsureAsync(person: 14, months: 11);
        await SubmitAsync(person: 14);

        await InsureAsync(person: 14, months: 1, first: new DateOnly(2022, 12, 1));

        Assert.Equal(0, await MarksAsync(null));
    }

    private Task<long> MarksAsync(string? programme) => Hub.Database.ScalarAsync(
        "SELECT COUNT(*) FROM decision_followups" + (programme is null ? "" : $" WHERE programme = '{programme}'"));

    private async Task<List<BenefitDecisionRecord>> DecisionsAsync(string claimId) =>
        [.. (await Client.GetClaimAsync(new GetClaimRequest { ClaimId = claimId })).Claims[0].Decisions];

    private Task InsureAsync(int person, int months, DateOnly? first = null) =>
        Insured.MonthsAsync(Hub, "fbline", person, months, first ?? new DateOnly(2022, 1, 1));

    private async Task<string> SubmitAsync(int person) => (await Client.SubmitClaimAsync(new SubmitClaimRequest
    {
        ResidentId = Ids.ResidentId(person), AppliedDate = "2024-11-04", SeparationReason = SeparationReason.ContractExpired,
        Registration = Registration.Registered, Channels = { NotificationChannel.App },
    })).ClaimId;
}

[Trait("storage", "sqlite")]
public sealed class SqliteBenefitFollowupTests() : BenefitFollowupTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresBenefitFollowupTests() : BenefitFollowupTests(StorageProvider.Postgres);
