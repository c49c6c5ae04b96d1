using ExchangeHub.Server.Transfers;

namespace ExchangeHub.Server.Tests.Transfers;

/// <summary>The transfer-out fund rule (2.(4) practice): 1.5 × monthly benefit × months due from 12 months paid here, half a fen up.</summary>
[Trait("clause", "2.(4)")]
public sealed class TransferFundTests
{
    [Theory]
    [InlineData(0, 200_000, 6, 0L)]
    [InlineData(11, 200_000, 6, 0L)]
    [InlineData(12, 200_000, 6, 1_800_000L)]
    [InlineData(30, 200_000, 6, 1_800_000L)]
    [InlineData(24, 200_000, 4, 1_200_000L)]
    [InlineData(12, 200_000, 0, 0L)]
    [InlineData(12, 1, 1, 2L)] // 1.5 fen: half a fen up
    [InlineData(12, 3, 1, 5L)] // 4.5 fen
    [InlineData(12, 2, 1, 3L)] // 3 fen exactly
    [InlineData(12, 10_000_000, 24, 360_000_000L)]
    public void Amount_MonthsPaidBenefitAndMonthsDue(int monthsPaidHere, long monthlyBenefitFen, int monthsDue, long expected) =>
        Assert.Equal(expected, TransferFund.Amount(monthsPaidHere, monthlyBenefitFen, monthsDue));

    [Fact]
    public void MinimumPaidMonths_Twelve() => Assert.Equal(12, TransferFund.MinimumPaidMonths);
}
