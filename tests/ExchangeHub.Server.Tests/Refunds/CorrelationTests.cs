using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.Server.Tests.Reconciliation;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>
/// Issue 13, one correlation rule for every event (IHubEvent.CorrelationId): the run id for a run's events, the
/// caller's request_id for a front-office call's, else one id per call — never the decision id.
/// </summary>
public abstract class CorrelationTests(StorageProvider provider) : SeededRefundHub(provider)
{
    [Fact]
    public async Task Confirm_WithRequestId_BothEventsCarryIt()
    {
        var run = await RunAsync();
        var decision = (await DecisionAsync(Eligible)).Decision;

        await Refunds.ConfirmRefundAsync(new ConfirmRefundRequest { Uscc = Ids.Uscc(Eligible), ProgramYear = 2024, RequestId = "front-office-42" });

        var events = (await HubQueries.EventsAsync(Hub)).Where(e => e.Subject == Ids.Uscc(Eligible)).ToList();
        Assert.Equal(run.RunId, events.Single(e => e.Type == "RefundOffered").CorrelationId);
        Assert.Equal(["front-office-42", "front-office-42"],
            events.Where(e => e.Type is "RefundConfirmed" or "RefundDisbursementApproved").Select(e => e.CorrelationId));
        Assert.DoesNotContain(events, e => e.CorrelationId == decision.DecisionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Confirm_WithoutRequestId_OneFreshIdForTheCall()
    {
        await RunAsync();

        await ConfirmAsync(Eligible);

        var call = (await HubQueries.EventsAsync(Hub)).Where(e => e.Type is "RefundConfirmed" or "RefundDisbursementApproved").ToList();
        Assert.Equal(2, call.Count);
        Assert.Single(call.Select(e => e.CorrelationId).Distinct());
        Assert.True(Guid.TryParse(call[0].CorrelationId, out _), call[0].CorrelationId);
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteCorrelationTests() : CorrelationTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresCorrelationTests() : CorrelationTests(StorageProvider.Postgres);
