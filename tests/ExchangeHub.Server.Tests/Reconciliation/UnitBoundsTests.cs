using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// Issue 13 through the real hub: a unit market regulation has not classified yet ("FACTS": missing is not zero), and
/// a unit whose decision throws — neither stops the run nor changes the other units' decisions.
/// </summary>
[Trait("clause", "FACTS")]
public abstract class UnitBoundsTests(StorageProvider provider) : SeededRefundHub(provider)
{
    private const int Unclassified = 9, UnclassifiedWithFigures = 10;

    private GrpcChannelPair Feeds => new(Hub.Channel(TestHub.TaxToken), Hub.Channel(TestHub.MarketToken));

    [Fact]
    public async Task Run_UnitWithoutSizeClass_UndeterminedNamingSizeClassAndTheRestKept()
    {
        await SeedAsync(Unclassified, u => u.ClearRevenueFen());
        await SeedAsync(UnclassifiedWithFigures, u => { u.IndustryCode = "K7010"; u.RevenueFen = 1_000_000_000_000_000; u.TotalAssetsFen = 1_000_000_000_000_000; });

        var run = await RunAsync();

        Assert.Equal(V1.ReconciliationRunStatus.Completed, run.Status);
        foreach (var unit in new[] { Unclassified, UnclassifiedWithFigures })
        {
            var decided = (await DecisionAsync(unit)).Decision;
            Assert.Equal(V1.RefundOutcome.Undetermined, decided.Outcome);
            Assert.Contains(decided.Explanation, r => r.ReasonCode == "REFUND_AMOUNT_SIZE_CLASS_MISSING" && r.Result == V1.RuleEvaluation.Undetermined);
            // The rest of the unit was stored and used: registration and organisation type passed.
            Assert.Contains(decided.Explanation, r => r.RuleId == "REFUND_ORG_TYPE" && r.Result == V1.RuleEvaluation.Passed);
            Assert.Contains(decided.Explanation, r => r.RuleId == "REFUND_ACTIVE" && r.Result == V1.RuleEvaluation.Passed);
        }
        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.CorrelationId == run.RunId && e.Subject == Ids.Uscc(Unclassified)).ToList();
        Assert.Equal("SizeClass", Assert.Single(events).Payload.GetProperty("missingFacts")[0].GetString());
        // The cross-check still runs on the figures; with no reported class there is nothing to disagree with.
        Assert.DoesNotContain(await HubQueries.ExceptionsAsync(Hub, run.RunId), x => x.Subject == Ids.Uscc(UnclassifiedWithFigures));
        Assert.Equal(V1.RefundOutcome.Eligible, (await DecisionAsync(Eligible)).Decision.Outcome);
    }

    [Fact]
    public async Task Run_LaterRecordWithTheClass_DecidesTheUnit()
    {
        await SeedAsync(Unclassified);
        await RunAsync();
        Assert.Equal(V1.RefundOutcome.Undetermined, (await DecisionAsync(Unclassified)).Decision.Outcome);

        var classified = SeedData.Unit(Unclassified, P);
        classified.Revision = 2;
        Assert.Equal(0, (await Infrastructure.Feeds.PushUnitsAsync(Feeds.Market, [classified])).Rejected);
        await RunAsync();

        var decided = (await DecisionAsync(Unclassified)).Decision;
        Assert.Equal((V1.RefundOutcome.Eligible, "0.6", 432_000L), (decided.Outcome, decided.Rate, decided.AmountFen));
    }

    [Fact]
    public async Task Run_OneUnitsDecisionThrows_ThatUnitUndeterminedTheRunCompleted()
    {
        var decisions = Hub.Services.GetRequiredService<RefundDecisions>();
        decisions.BeforeDecide = facts =>
        {
            if (facts.Uscc == Ids.Uscc(Arrears))
            {
                throw new OverflowException("injected");
            }
        };
        try
        {
            var run = await RunAsync();

            Assert.Equal((V1.ReconciliationRunStatus.Completed, 8), (run.Status, run.Units));
            var failed = (await DecisionAsync(Arrears)).Decision;
            Assert.Equal(V1.RefundOutcome.Undetermined, failed.Outcome);
            Assert.Contains(failed.Explanation, r => r.ReasonCode == "REFUND_DECISION_FAILED" && r.Result == V1.RuleEvaluation.Undetermined
                && r.Inputs["error"] == nameof(OverflowException));
            Assert.Equal(V1.RefundOutcome.Eligible, (await DecisionAsync(Eligible)).Decision.Outcome);
            Assert.Equal(V1.RefundOutcome.Held, (await DecisionAsync(Deferred)).Decision.Outcome);
            Assert.Contains(Hub.Logs.Lines, l => l.Contains("REFUND_DECISION_FAILED", StringComparison.Ordinal));
        }
        finally
        {
            decisions.BeforeDecide = null;
        }
    }

    private async Task SeedAsync(int unit, Action<UnitRecord>? change = null)
    {
        var record = SeedData.Unit(unit, P, u =>
        {
            u.SizeClass = SizeClass.Unspecified;
            u.SizeClassSource = SizeClassSource.Unspecified;
            change?.Invoke(u);
        });
        await SeedData.PushAsync(Feeds.Tax, Feeds.Market, [record], SeedData.YearOfLines(unit, P), SeedData.YearOfSettlements(unit, P));
    }

    private sealed record GrpcChannelPair(Grpc.Net.Client.GrpcChannel Tax, Grpc.Net.Client.GrpcChannel Market);
}

[Trait("storage", "sqlite")]
public sealed class SqliteUnitBoundsTests() : UnitBoundsTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresUnitBoundsTests() : UnitBoundsTests(StorageProvider.Postgres);
