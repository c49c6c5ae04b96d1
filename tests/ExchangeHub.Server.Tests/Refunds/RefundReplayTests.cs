using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Storage;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.Server.Tests.Replay;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>
/// "FACTS": <c>ReplayRefundDecision</c> through the real hub. A decision is re-decided at its own decision date D and
/// knowledge time T: a correction recorded after T, or a later run that superseded it, does not change its replay.
/// Units are <see cref="SeedData"/>'s regular year (ELIGIBLE); the clock stands at 2024-06-30, D = 2024-03-29.
/// </summary>
[Trait("clause", "FACTS")]
public abstract class RefundReplayTests(StorageProvider provider) : IAsyncLifetime
{
    private const string D = "2024-03-29", P = "replay";
    private const string AuditorToken = "dev-auditor-token";
    private const int First = 70, Second = 71;

    /// <summary>A correction a feed records a day after the first run, dated before D, that changes the decision.</summary>
    public sealed record Correction(string Name, Func<TestHub, int, Task> Push);

    public static readonly Correction[] Corrections =
    [
        new("April 2023's settlement corrected to ARREARS", async (hub, unit) =>
        {
            var april = SeedData.YearOfSettlements(unit, P).Single(s => s.Period == "2023-04");
            april.Revision = 2;
            april.Status = SettlementStatus.Arrears;
            Assert.Equal(1, (await Infrastructure.Feeds.PushSettlementsAsync(hub.Channel(TestHub.TaxToken), [april])).Corrected);
        }),
        new("a January 2023 line corrected to 0 employer amount", async (hub, unit) =>
        {
            var line = SeedData.YearOfLines(unit, P).First();
            line.Revision = 2;
            line.EmployerAmountFen = 0;
            line.ClearWageBaseFen();
            Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), [line])).Corrected);
        }),
    ];

    public static TheoryData<int> CorrectionNumbers() => [.. Enumerable.Range(0, Corrections.Length)];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 6, 30, 2, 0, 0, TimeSpan.Zero));
    private TestHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Refunds:SendReminders"] = "false",
            ["Hub:Security:Agencies:5:Id"] = "dev-auditor",
            ["Hub:Security:Agencies:5:Name"] = "Test auditor",
            ["Hub:Security:Agencies:5:Roles:0"] = Roles.Auditor,
            ["Hub:Security:Agencies:5:TokenSha256"] = "98cf681f2a5cde03b61e87f21f50956519de249c09b0b0c5af316ce8ddd861a7",
        }, _clock);
        int[] units = [First, Second];
        await SeedData.PushAsync(_hub.Channel(TestHub.TaxToken), _hub.Channel(TestHub.MarketToken), units.Select(u => SeedData.Unit(u, P)),
            units.SelectMany(u => SeedData.YearOfLines(u, P)), units.SelectMany(u => SeedData.YearOfSettlements(u, P)));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Replay_RightAfterTheRun_IdenticalAtItsDAndT()
    {
        await RunAsync();
        var knowledge = _clock.GetUtcNow();

        foreach (var id in await DecisionIdsAsync())
        {
            var replay = await ReplayAsync(id);

            Assert.True(replay.Identical, replay.Difference);
            Assert.Equal("", replay.Difference);
            Assert.Equal((id, D, knowledge), (replay.DecisionId, replay.DecisionDate, replay.KnowledgeTime.ToDateTimeOffset()));
            Assert.Equal(replay.StoredFactsSha256, replay.ReplayedFactsSha256);
            Assert.Equal(64, replay.StoredFactsSha256.Length);
            Assert.Equal((replay.StoredPolicyVersion, replay.StoredPolicySha256), (replay.ReplayedPolicyVersion, replay.ReplayedPolicySha256));
            Assert.Equal(64, replay.StoredPolicySha256.Length);
            Assert.Equal(("ELIGIBLE", "ELIGIBLE"), (OutcomeNames.Of(replay.StoredOutcome), OutcomeNames.Of(replay.ReplayedOutcome)));
            Assert.Equal(replay.StoredAmount, replay.ReplayedAmount);
        }
    }

    [Theory]
    [MemberData(nameof(CorrectionNumbers))]
    public async Task Replay_CorrectionAfterTheDecision_StillIdenticalAtTheOldT_AndAfterANewerRunSupersededIt(int correction)
    {
        await RunAsync();
        var old = await DecisionIdAsync(First);
        _clock.Advance(TimeSpan.FromDays(1));
        await Corrections[correction].Push(_hub, First);

        // The hub knows the correction now, but not at the decision's T.
        var beforeNewRun = await ReplayAsync(old);
        Assert.True(beforeNewRun.Identical, $"{Corrections[correction].Name}: {beforeNewRun.Difference}");

        await RunAsync();
        var current = await DecisionIdAsync(First);
        Assert.NotEqual(old, current);

        var superseded = await ReplayAsync(old);
        var newer = await ReplayAsync(current);
        Assert.True(superseded.Identical, $"{Corrections[correction].Name}: {superseded.Difference}");
        Assert.True(newer.Identical, $"{Corrections[correction].Name}: {newer.Difference}");
        Assert.Equal(D, newer.DecisionDate);
        Assert.True(newer.KnowledgeTime.ToDateTimeOffset() > superseded.KnowledgeTime.ToDateTimeOffset());
        Assert.NotEqual(superseded.StoredFactsSha256, newer.StoredFactsSha256);
    }

    [Fact]
    public async Task Replay_UnknownId_NotFound()
    {
        await RunAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(long.MaxValue));

        Assert.Equal((StatusCode.NotFound, "DECISION_NOT_FOUND"), ErrorDetails.Of(ex));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Replay_IdNotPositive_InvalidArgumentNamingDecisionId(long id)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(id));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("decision_id", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Replay_Auditor_MayReplay_FeedAgency_PermissionDenied()
    {
        await RunAsync();
        var id = await DecisionIdAsync(First);

        Assert.True((await ReplayAsync(id, AuditorToken)).Identical);
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReplayAsync(id, TestHub.TaxToken));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private async Task<DecisionReplay> ReplayAsync(long id, string token = TestHub.OperatorToken) =>
        (await new RefundService.RefundServiceClient(_hub.Channel(token)).ReplayRefundDecisionAsync(new ReplayRefundDecisionRequest { DecisionId = id })).Replay;

    private async Task RunAsync()
    {
        var client = new ReconciliationService.ReconciliationServiceClient(_hub.Channel(TestHub.OperatorToken));
        using var call = client.RunReconciliation(new RunReconciliationRequest { DecisionDate = D }, deadline: DateTime.UtcNow.AddMinutes(2));
        ReconciliationRun? run = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            run = call.ResponseStream.Current.Run ?? run;
        }
        Assert.Equal(ReconciliationRunStatus.Completed, run?.Status);
    }

    private async Task<long> DecisionIdAsync(int unit) => (await new RefundService.RefundServiceClient(_hub.Channel(TestHub.OperatorToken))
        .GetRefundDecisionAsync(new GetRefundDecisionRequest { Uscc = Ids.Uscc(unit), ProgramYear = 2024 })).Decision.DecisionId;

    private async Task<List<long>> DecisionIdsAsync()
    {
        await using var db = _hub.Services.GetRequiredService<HubDatabase>().CreateContext();
        return await db.RefundDecisions.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteRefundReplayTests() : RefundReplayTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresRefundReplayTests() : RefundReplayTests(StorageProvider.Postgres);
