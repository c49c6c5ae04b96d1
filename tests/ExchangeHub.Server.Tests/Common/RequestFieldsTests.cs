using System.Globalization;
using ExchangeHub.Server.Common;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Common;

/// <summary>The business dates of requests (FACTS: never after today in China Standard Time), without a hub.</summary>
[Trait("clause", "FACTS")]
public sealed class RequestFieldsTests
{
    /// <summary>
    /// "Today" is the civil date in China Standard Time: at 2024-11-30 16:30 UTC it is already 2024-12-01 in China, so
    /// 2024-12-01 is accepted there and 2024-12-02 is not; an empty date is today.
    /// </summary>
    [Theory]
    [InlineData("2024-12-02", null)]
    [InlineData("2024-12-01", "2024-12-01")]
    [InlineData("2024-11-30", "2024-11-30")]
    [InlineData("", "2024-12-01")]
    public void RequestFields_Date_TodayIsChinaStandardTime(string value, string? parsed)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 11, 30, 16, 30, 0, TimeSpan.Zero));

        if (parsed is null)
        {
            var ex = Assert.Throws<RpcException>(() => RequestFields.Date(value, "decision_date", clock));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal("decision_date", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
        else
        {
            Assert.Equal(DateOnly.ParseExact(parsed, "yyyy-MM-dd", CultureInfo.InvariantCulture), RequestFields.Date(value, "decision_date", clock));
        }
    }

    [Fact]
    public void RequestFields_RequiredDateEmpty_InvalidArgumentNamingTheField()
    {
        var ex = Assert.Throws<RpcException>(() => RequestFields.Date("", "status_date", new FakeTimeProvider(), required: true));

        Assert.Equal((StatusCode.InvalidArgument, "status_date"),
            (ex.StatusCode, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
    }
}
