using ExchangeHub.Server.Transfers;
using static ExchangeHub.Server.Transfers.TransferCaseStatus;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>The transfer state machine without a database: forward only, COMPLETED and REFUSED final, and what a change implies.</summary>
[Trait("clause", "2.(4)")]
public sealed class TransferTransitionsTests
{
    /// <summary>Every status each status may become (anything else is refused).</summary>
    private static readonly Dictionary<TransferCaseStatus, TransferCaseStatus[]> Allowed = new()
    {
        [Requested] = [Sent, Received, Completed, Refused],
        [Accepted] = [Sent, Received, Completed, Refused],
        [Sent] = [Received, Completed, Refused],
        [Received] = [Completed, Refused],
        [Completed] = [],
        [Refused] = [],
    };

    public static TheoryData<TransferCaseStatus, TransferCaseStatus> EveryPair()
    {
        var data = new TheoryData<TransferCaseStatus, TransferCaseStatus>();
        foreach (var from in Enum.GetValues<TransferCaseStatus>())
        {
            foreach (var to in Enum.GetValues<TransferCaseStatus>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Fact]
    public void AllowedTable_CoversEveryStatus() => Assert.Equal(Enum.GetValues<TransferCaseStatus>(), Allowed.Keys.Order());

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void MayFollow_EveryPair_ForwardOnly(TransferCaseStatus from, TransferCaseStatus to) =>
        Assert.Equal(Allowed[from].Contains(to), TransferTransitions.MayFollow(from, to));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Apply_EveryPairWithoutReason_NoneForTheSameStatusForwardOrNotAllowedOtherwise(TransferCaseStatus from, TransferCaseStatus to)
    {
        var expected = from == to ? TransferChange.None : Allowed[from].Contains(to) ? TransferChange.Forward : TransferChange.NotAllowed;

        Assert.Equal(expected, TransferTransitions.Apply(Case(from, null), to, null));
    }

    [Fact]
    public void Apply_RefusedAgainWithTheSameReason_None() =>
        Assert.Equal(TransferChange.None, TransferTransitions.Apply(Case(Refused, "TRANSFER_PERSON_UNKNOWN"), Refused, "TRANSFER_PERSON_UNKNOWN"));

    [Fact]
    public void Apply_RefusedAgainWithAnotherReason_NotAllowed() =>
        Assert.Equal(TransferChange.NotAllowed, TransferTransitions.Apply(Case(Refused, "TRANSFER_PERSON_UNKNOWN"), Refused, "TRANSFER_DUPLICATE_REQUEST"));

    [Fact]
    public void Apply_RefusedFromReceivedWithAReason_Forward() =>
        Assert.Equal(TransferChange.Forward, TransferTransitions.Apply(Case(Received, null), Refused, "TRANSFER_PERSON_UNKNOWN"));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsFinal_ExactlyTheStatusesNothingFollows(TransferCaseStatus status, TransferCaseStatus _) =>
        Assert.Equal(Allowed[status].Length == 0, TransferTransitions.IsFinal(status));

    [Theory]
    [InlineData(null, Accepted)]
    [InlineData("TRANSFER_PERIODS_INCOMPLETE", Refused)]
    public void Decision_ReasonCode_RefusedOnlyWithOne(string? reasonCode, TransferCaseStatus expected) =>
        Assert.Equal(expected, TransferTransitions.Decision(reasonCode));

    [Theory]
    [InlineData(TransferCaseDirection.Out, null, Requested)]
    [InlineData(TransferCaseDirection.Out, "TRANSFER_PERSON_UNKNOWN", Requested)]
    [InlineData(TransferCaseDirection.In, null, Accepted)]
    [InlineData(TransferCaseDirection.In, "TRANSFER_PERIODS_INCOMPLETE", Refused)]
    public void HubStatus_TheStatusTheHubGaveTheCase(TransferCaseDirection direction, string? reasonCode, TransferCaseStatus expected) =>
        Assert.Equal(expected, TransferTransitions.HubStatus(direction, reasonCode));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void RecalculatesBenefits_OnlyATransferInCompleted(TransferCaseStatus _, TransferCaseStatus next)
    {
        Assert.Equal(next == Completed, TransferTransitions.RecalculatesBenefits(TransferCaseDirection.In, next));
        Assert.False(TransferTransitions.RecalculatesBenefits(TransferCaseDirection.Out, next));
    }

    private static StoredTransfer Case(TransferCaseStatus status, string? reasonCode) =>
        new("t-1", TransferCaseDirection.In, "key", "resident", "32", status, reasonCode, 0, 0, new DateOnly(2024, 11, 25), null, false,
            new DateOnly(2024, 11, 25));
}
