using ExchangeHub.Server.Reconciliation;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>The read side's run and exception records as the replies spell them: ISO-8601 UTC times, "id version", "YYYY-MM" periods.</summary>
public sealed class ReconciliationContractTests
{
    [Fact]
    public void ToContract_CompletedRun_TimesAndPolicyAsText()
    {
        var run = new ReconciliationRunView("r1", 2024, "COMPLETED", "hrss", 1_719_705_600_000, 1_719_705_601_234, 10, 8, 2, 5, 1, 1, 1, 3, 99_999,
            "xj-refunds", "1.0+sha256:aaa", "");

        var reply = run.ToContract();

        Assert.Equal("2024-06-30T00:00:00.000Z", reply.StartedAt);
        Assert.Equal("2024-06-30T00:00:01.234Z", reply.CompletedAt);
        Assert.Equal("xj-refunds 1.0+sha256:aaa", reply.Policy);
        Assert.Equal((10, 8, 2, 5, 1, 1, 1, 3, 99_999L), (reply.Units, reply.Decided, reply.Unchanged, reply.Eligible, reply.Ineligible, reply.Held,
            reply.Undetermined, reply.Exceptions, reply.AmountFen));
    }

    [Fact]
    public void ToContract_RunningRun_NoCompletionTime()
    {
        var run = new ReconciliationRunView("r1", 2024, "RUNNING", "hrss", 1_719_705_600_000, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, "p", "v", "");

        Assert.Equal("", run.ToContract().CompletedAt);
    }

    [Theory]
    [InlineData(202305, "2023-05")]
    [InlineData(null, "")]
    public void ToContract_Exception_PeriodAsYearMonth(int? period, string text)
    {
        var reply = new ReconciliationExceptionView(1, "r1", "SETTLEMENT_STATUS_MISSING", "91350100M000100Y43", period, "detail").ToContract();

        Assert.Equal(text, reply.Period);
        Assert.Equal(("r1", "SETTLEMENT_STATUS_MISSING", "91350100M000100Y43", "detail"), (reply.RunId, reply.Code, reply.SubjectKey, reply.Detail));
    }
}
