using ExchangeHub.Cli.Display;
using ExchangeHub.Cli.Remote;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Cli;

/// <summary>What the operator reads: fen as exact yuan, status codes as the gRPC specification spells them.</summary>
public sealed class YuanTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(99L, "0.99")]
    [InlineData(100L, "1.00")]
    [InlineData(432_000L, "4,320.00")]
    [InlineData(123_456_789L, "1,234,567.89")]
    [InlineData(-150L, "-1.50")]
    [InlineData(-5L, "-0.05")]
    [InlineData(long.MaxValue, "92,233,720,368,547,758.07")]
    [InlineData(long.MinValue, "-92,233,720,368,547,758.08")]
    public void Format_Fen_ExactYuanWithTwoDecimals(long fen, string expected) => Assert.Equal(expected, Yuan.Format(fen));

    [Fact]
    public void WithFen_Amount_YuanThenFen() => Assert.Equal("4,320.00 yuan (432000 fen)", Yuan.WithFen(432_000));

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    public void StatusName_Code_AsTheSpecificationSpellsIt(StatusCode code, string expected) => Assert.Equal(expected, StatusName.Of(code));
}
