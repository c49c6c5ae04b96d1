using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Outbox;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// Decisions follow the data (issue 14, item 3): a feed batch that changes the facts of a unit already decided marks
/// it in the batch's transaction (<c>decision_followups</c>), and the hub re-decides it by itself once the mark is due
/// (<c>Hub:Decisions:FollowDelay</c> on the hub's clock — this test's fake one, moved along), with no run. The real hub,
/// its feeds and its database; the follow-up's decisions carry a <c>follow-…</c> run id.
/// </summary>
[Trait("issue", "14")]
public abstract class FollowupTests(StorageProvider provider) : SeededRefundHub(provider)
{
    protected const string Delay = "00:00:02";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Hub:Decisions:Follow"] = "true",
        ["Hub:Decisions:FollowDelay"] = Delay,
    };

    [Fact]
    public async Task CorrectionOfADecidedUnit_ReDecidedWithoutARunAfterTheDelay()
    {
        await RunAsync();
        var before = (await DecisionAsync(Eligible)).Decision;

        await CorrectAsync(Eligible, revision: 2);
        Assert.Equal(1, await MarksAsync());
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(500);
        Assert.Equal(0, await FollowDecisionsAsync(Eligible)); // not before the delay

        await AdvanceUntilAsync(async () => await FollowDecisionsAsync(Eligible) == 1);

        var after = (await DecisionAsync(Eligible)).Decision;
        Assert.NotEqual(before.DecisionId, after.DecisionId);
        Assert.NotEqual(before.AmountFen, after.AmountFen);
        Assert.Equal(0, await MarksAsync());
        Assert.Equal(1, await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM reconciliation_runs")); // no run row for a follow-up
        Assert.Contains(Hub.Logs.Lines, l => l.Contains("Follow-up follow-", StringComparison.Ordinal) && l.Contains("1 units re-decided (1 changed)", StringComparison.Ordinal));
    }

    /// <summary>
    /// The refund follow-up round is metered as a run of the refund programme with status <c>followup</c>, its units as
    /// decisions of the programme (the hub's own meters, <see cref="Telemetry.HubMeterRecorder"/>).
    /// </summary>
    [Fact]
    public async Task FollowUpRound_MeteredAsARunWithStatusFollowup()
    {
        await RunAsync();
        using var meters = new Telemetry.HubMeterRecorder(Hub.Services);
        await CorrectAsync(Eligible, revision: 2);

        await AdvanceUntilAsync(async () => await FollowDecisionsAsync(Eligible) == 1);

        await AdvanceUntilAsync(() => Task.FromResult(meters.Count("exchangehub.reconciliation.run.duration", ("programme", "refund"), ("status", "followup")) == 1));
        Assert.True(meters.Sum("exchangehub.reconciliation.decisions", ("programme", "refund")) >= 1);
        Assert.Equal(0, meters.Count("exchangehub.reconciliation.run.duration", ("programme", "refund"), ("status", "completed")));
    }

    [Fact]
    public async Task BurstOfFiveCorrections_OneReDecision()
    {
        await RunAsync();
        for (var revision = 2; revision <= 6; revision++)
        {
            await CorrectAsync(Eligible, revision);
        }
        Assert.Equal(1, await MarksAsync());

        await AdvanceUntilAsync(async () => await MarksAsync() == 0);

        Assert.Equal(1, await FollowDecisionsAsync(Eligible));
        Assert.Equal(6000, await Hub.Database.ScalarAsync(
            $"SELECT employer_amount_fen FROM contribution_lines WHERE source_record_id = '{P}-u{Eligible}-m5-p0'")); // the last one counts
    }

    [Fact]
    public async Task DuplicateBatch_NoMark()
    {
        await RunAsync();
        var lines = SeedData.YearOfLines(Eligible, P).Take(3).ToList();

        var pushed = await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), lines);

        Assert.Equal((3L, 0L), (pushed.Duplicate, pushed.Accepted + pushed.Corrected));
        Assert.Equal(0, await MarksAsync());
    }

    [Fact]
    public async Task UnitNotYetDecided_NoMark()
    {
        await CorrectAsync(Eligible, revision: 2); // before any run: nothing decided yet
        Assert.Equal(0, await MarksAsync());
        await RunAsync();

        const int NewUnit = 9;
        await Infrastructure.Feeds.PushLinesAsync(Hub.Channel(TestHub.TaxToken), SeedData.YearOfLines(NewUnit, P).Take(2));

        Assert.Equal(0, await MarksAsync());
    }

    [Fact]
    public async Task MarkedThenHubRestarted_StillReDecided()
    {
        await RunAsync();
        await CorrectAsync(Eligible, revision: 2);
        Assert.Equal(1, await MarksAsync());

        // The hub stops before the mark is due (its clock never moved); a new hub process on the same database takes it.
        var database = Hub.Database;
        await Hub.StopKeepingDatabaseAsync();
        Hub = await TestHub.StartAsync(database, Settings, Clock);

        await AdvanceUntilAsync(async () => await FollowDecisionsAsync(Eligible) == 1);
        Assert.Equal(0, await MarksAsync());
    }

    /// <summary>2.(1) 多退少补 after the programme's end: an approved refund whose unit's facts change is settled by the follow-up.</summary>
    [Fact]
    [Trait("clause", "2.(1)")]
    public async Task ApprovedRefundAfterTheEnd_OfficialSizeClassArrives_SettledByTheFollowUp()
    {
        await RunAsync();
        await ConfirmAsync(Eligible, "2024-06-30");
        Today("2025-01-02");
        var unit = SeedData.Unit(Eligible, P, u => { u.Revision = 2; u.SizeClass = SizeClass.Large; u.SizeClassSource = SizeClassSource.Official; });
        Assert.Equal(1, (await Infrastructure.Feeds.PushUnitsAsync(Hub.Channel(TestHub.MarketToken), [unit])).Corrected);
        Assert.Equal(1, await MarksAsync());

        await AdvanceUntilAsync(async () => await MarksAsync() == 0);

        Assert.Equal(1, await FollowDecisionsAsync(Eligible));
        Assert.Equal(1, await Hub.Database.ScalarAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type LIKE '%RefundAdjusted%' AND correlation_id LIKE 'follow-%'"));
    }

    protected Task<long> MarksAsync() => Hub.Database.ScalarAsync("SELECT COUNT(*) FROM decision_followups");

    protected Task<long> FollowDecisionsAsync(int unit) => Hub.Database.ScalarAsync(
        $"SELECT COUNT(*) FROM refund_decisions WHERE uscc = '{Ids.Uscc(unit)}' AND run_id LIKE 'follow-%'");

    protected Task AdvanceUntilAsync(Func<Task<bool>> done) => FollowupClock.AdvanceUntilAsync(Clock, done);
}

[Trait("storage", "sqlite")]
public sealed class SqliteFollowupTests() : FollowupTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresFollowupTests() : FollowupTests(StorageProvider.Postgres)
{
    /// <summary>Two hubs on one PostgreSQL database, one clock: the mark is taken by one of them, once.</summary>
    [Fact]
    public async Task TwoHubsOnOneDatabase_OneReDecision()
    {
        await using var second = await TestHub.StartAsync(Hub.Database, Settings, Clock, ownsDatabase: false);
        await RunAsync();
        await CorrectAsync(Eligible, revision: 2);

        await AdvanceUntilAsync(async () => await MarksAsync() == 0);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(500);

        Assert.Equal(1, await FollowDecisionsAsync(Eligible));
        var rounds = Hub.Logs.Lines.Concat(second.Logs.Lines).Where(l => l.Contains("Follow-up follow-", StringComparison.Ordinal)).ToList();
        Assert.Contains(": 1 marks, 1 units re-decided (1 changed)", Assert.Single(rounds), StringComparison.Ordinal);
    }
}

/// <summary>Switched off: a correction of a decided unit marks nothing and nothing is re-decided.</summary>
[Trait("storage", "sqlite")]
[Trait("issue", "14")]
public sealed class FollowSwitchedOffTests() : SeededRefundHub(StorageProvider.Sqlite)
{
    protected override Dictionary<string, string?> Settings => new() { ["Hub:Decisions:Follow"] = "false", ["Hub:Decisions:FollowDelay"] = "00:00:01" };

    [Fact]
    public async Task CorrectionOfADecidedUnit_NoMarkNoReDecision()
    {
        await RunAsync();
        Assert.Equal(1, (await CorrectAsync(Eligible, revision: 2)).Corrected);

        Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(1000);

        Assert.Equal(0, await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM decision_followups"));
        Assert.Equal(0, await Hub.Database.ScalarAsync("SELECT COUNT(*) FROM refund_decisions WHERE run_id LIKE 'follow-%'"));
    }
}

/// <summary>With the broker: the superseding event of a follow-up reaches a real RabbitMQ subscriber, no run started.</summary>
[Collection("rabbitmq")]
[Trait("storage", "sqlite")]
[Trait("issue", "14")]
public sealed class FollowupDeliveryTests() : SeededRefundHub(StorageProvider.Sqlite)
{
    protected override Dictionary<string, string?> Settings => new(RelaySettings.For())
    {
        ["Hub:Decisions:Follow"] = "true",
        ["Hub:Decisions:FollowDelay"] = "00:00:01",
    };

    [Fact]
    public async Task CorrectionOfADecidedUnit_SubscriberReceivesTheSupersedingEvent()
    {
        await using var subscriber = await EventSubscriber.StartAsync(null, "exchangehub.v1.events");
        await RunAsync();
        Assert.Equal(1, (await CorrectAsync(Eligible, revision: 2)).Corrected);

        var uscc = Ids.Uscc(Eligible);
        IReadOnlyList<EventDelivery>? deliveries = null;
        for (var i = 0; i < 60 && deliveries is null; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            try
            {
                deliveries = await subscriber.WaitUntilAsync(
                    d => d.Any(x => x.SubjectKey == uscc && x.CorrelationId.StartsWith("follow-", StringComparison.Ordinal)), TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException)
            {
                // not yet
            }
        }
        Assert.NotNull(deliveries);
        Assert.Single(deliveries.Where(d => d.SubjectKey == uscc && d.CorrelationId.StartsWith("follow-", StringComparison.Ordinal))
            .Select(d => d.CorrelationId).Distinct());
    }
}

/// <summary><c>Hub:Decisions:FollowDelay</c> lies between 50 ms and 1 hour; outside it the hub does not start.</summary>
[Trait("storage", "sqlite")]
[Trait("issue", "14")]
public sealed class FollowDelayBoundsTests
{
    [Theory]
    [InlineData("00:00:00.049")]
    [InlineData("01:00:00.001")]
    public async Task OutOfBounds_HubDoesNotStart(string delay)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => TestHub.StartAsync(StorageProvider.Sqlite, Follow(delay)));
        Assert.Contains("Hub:Decisions:FollowDelay", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00.050")]
    [InlineData("01:00:00")]
    public async Task AtTheBounds_HubStarts(string delay)
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, Follow(delay));
        Assert.NotNull(hub.Address);
    }

    private static Dictionary<string, string?> Follow(string delay) => new()
    {
        ["Hub:Messaging:Enabled"] = "false", ["Hub:Decisions:Follow"] = "true", ["Hub:Decisions:FollowDelay"] = delay,
    };
}
