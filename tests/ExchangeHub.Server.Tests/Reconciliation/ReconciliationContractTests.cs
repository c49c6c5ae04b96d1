using System.Globalization;
using ExchangeHub.Server;
using ExchangeHub.V1;
using ExchangeHub.Server.Reconciliation;

namespace ExchangeHub.Server.Tests.Reconciliation;

/// <summary>
/// The read side's run and exception records as the replies spell them (issue 13): the status as its enum, Timestamps,
/// the decision date, the policy stamp split into version and SHA-256, the amounts split, "YYYY-MM" periods.
/// </summary>
public sealed class ReconciliationContractTests
{
    [Fact]
    public void ToContract_CompletedRun_EnumsTimestampsSplitPolicyAndAmounts()
    {
        var run = new ReconciliationRunView("r1", 2024, new DateOnly(2024, 6, 30), "COMPLETED", "hrss", 1_719_705_600_000, 1_719_705_601_234, 10, 8, 2,
            5, 1, 1, 1, 3, 99_999, "xj-refunds", "1.0+sha256:aaa", "", new ExchangeHub.Server.Common.RunAmounts(90_000, 7_000, 2_999));

        var reply = run.ToContract();

        Assert.Equal(ReconciliationRunStatus.Completed, reply.Status);
        Assert.Equal("2024-06-30", reply.DecisionDate);
        Assert.Equal(DateTimeOffset.Parse("2024-06-30T00:00:00.000Z", CultureInfo.InvariantCulture), reply.StartTime.ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2024-06-30T00:00:01.234Z", CultureInfo.InvariantCulture), reply.CompleteTime.ToDateTimeOffset());
        Assert.Equal(("xj-refunds", "1.0", "aaa"), (reply.PolicyId, reply.PolicyVersion, reply.PolicySha256));
        Assert.Equal((10, 8, 2, 5, 1, 1, 1, 3), (reply.Units, reply.Decided, reply.Unchanged, reply.Eligible, reply.Ineligible, reply.Held,
            reply.Undetermined, reply.Exceptions));
        Assert.Equal((90_000L, 7_000L, 2_999L), (reply.OfferedAmountFen, reply.HeldAmountFen, reply.AwaitingApplicationAmountFen));
    }

    [Fact]
    public void ToContract_RunningRun_NoCompletionTime()
    {
        var run = new ReconciliationRunView("r1", 2024, null, "RUNNING", "hrss", 1_719_705_600_000, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, "p", "v", "",
            ExchangeHub.Server.Common.RunAmounts.None);

        var reply = run.ToContract();

        Assert.Null(reply.CompleteTime);
        Assert.Equal(ReconciliationRunStatus.Running, reply.Status);
        Assert.Equal(("v", ""), (reply.PolicyVersion, reply.PolicySha256));
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
