using ExchangeHub.Server.Refunds;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Tests.Refunds;

/// <summary>refund_cases.state: every workflow state has one stored spelling (UPPER_SNAKE, the contract's) and reads back as itself.</summary>
public sealed class RefundStatesTests
{
    public static TheoryData<RefundState> States() => [.. Enum.GetValues<RefundState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void Stored_EveryState_RoundTrips(RefundState state) => Assert.Equal(state, RefundStates.FromStored(RefundStates.ToStored(state)));

    [Theory]
    [MemberData(nameof(States))]
    public void Stored_EveryState_SpelledAsTheContract(RefundState state) => Assert.Equal(Names.Of(state), RefundStates.ToStored(state));

    [Fact]
    public void Stored_Offered_IsUpperSnake() => Assert.Equal("OFFERED", StoredRefundState.Offered);

    [Theory]
    [InlineData("Offered")] // the enum name is not a stored spelling
    [InlineData("")]
    public void FromStored_Unknown_Throws(string stored) => Assert.Throws<InvalidDataException>(() => RefundStates.FromStored(stored));
}
