using ExchangeHub.Policy;
using ExchangeHub.Policy.Rates;
using ExchangeHub.Server.Common;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Common;

/// <summary>
/// The forms replies use (issue 13, item 1), without a hub: enum names ↔ stored text, the one rate form, page sizes
/// (AIP-158), opaque page tokens, enum filters, the policy stamp split.
/// </summary>
public sealed class ContractFormsTests
{
    /// <summary>Every reply enum's suffix is the text the policy engine and the hub's stored codes use (events carry the same).</summary>
    [Fact]
    public void EnumNames_Suffix_EqualsThePolicyEnginesUpperSnake()
    {
        foreach (var outcome in Enum.GetValues<Policy.Refunds.RefundOutcome>())
        {
            var contract = EnumNames.Parse<V1.RefundOutcome>(UpperSnake.Format(outcome));
            Assert.NotEqual(V1.RefundOutcome.Unspecified, contract);
            Assert.Equal(UpperSnake.Format(outcome), EnumNames.Suffix(contract));
        }
        foreach (var state in Enum.GetValues<Server.Refunds.RefundState>())
        {
            Assert.NotEqual(V1.RefundState.Unspecified, Server.Refunds.RefundContract.State(state));
        }
        Assert.Equal(V1.RefundState.Unspecified, Server.Refunds.RefundContract.State(null));
        Assert.Equal(("DISBURSEMENT_APPROVED", "PASSED", "VOCATIONAL_TRAINING"),
            (EnumNames.Suffix(V1.RefundState.DisbursementApproved), EnumNames.Suffix(RuleEvaluation.Passed), EnumNames.Suffix(RecoveredSubsidy.VocationalTraining)));
        Assert.Equal(V1.SizeClass.Unspecified, EnumNames.Parse<V1.SizeClass>(""));
        Assert.Equal(V1.SizeClass.Unspecified, EnumNames.Parse<V1.SizeClass>("small"));
    }

    [Theory]
    [InlineData("0.60", "0.6")]
    [InlineData("0.75", "0.75")]
    [InlineData("1.00", "1")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("100", "100")]
    [InlineData("0", "0")]
    public void RateText_Format_CanonicalDecimal(string rate, string text) =>
        Assert.Equal(text, RateText.Format(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void PageSize_ZeroDefaultsAboveMaximumClamped(int requested, int size) => Assert.Equal(size, RequestFields.PageSize(requested));

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void PageSize_Negative_InvalidArgumentNamingPageSize(int requested) =>
        AssertFieldRefused("page_size", () => RequestFields.PageSize(requested));

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("42")]
    public void PageTokens_RoundTrip_Opaque(string key)
    {
        var token = PageTokens.Encode(key);

        Assert.DoesNotContain(key, token, StringComparison.Ordinal);
        Assert.Equal(key, PageTokens.Decode(token));
        Assert.Equal("", PageTokens.Encode(""));
        Assert.Equal("", PageTokens.Decode(""));
    }

    [Theory]
    [InlineData("91350100M000100Y43")] // a raw key, as tokens were before
    [InlineData("12")]
    [InlineData("!!!")]
    [InlineData("djI6eA")] // "v2:x": another version
    [InlineData("djE6")] // "v1:" and no key
    [InlineData("_w")] // not UTF-8
    public void PageTokens_NotOneTheHubGave_InvalidArgumentNamingPageToken(string token) =>
        AssertFieldRefused("page_token", () => PageTokens.Decode(token));

    [Fact]
    public void PageTokens_IdKeyedTamperedToNonNumber_InvalidArgument()
    {
        Assert.Equal(42L, PageTokens.DecodeId(PageTokens.Encode("42")));
        AssertFieldRefused("page_token", () => PageTokens.DecodeId(PageTokens.Encode("4x")));
    }

    [Fact]
    public void Declared_UnknownEnumNumber_InvalidArgumentNamingTheField()
    {
        Assert.Equal(V1.RefundOutcome.Held, RequestFields.Declared(V1.RefundOutcome.Held, "outcome"));
        Assert.Equal(V1.RefundOutcome.Unspecified, RequestFields.Declared(V1.RefundOutcome.Unspecified, "outcome"));
        AssertFieldRefused("outcome", () => RequestFields.Declared((V1.RefundOutcome)99, "outcome"));
    }

    [Theory]
    [InlineData("2024.1+sha256:abc", "2024.1", "abc")]
    [InlineData("2024.1", "2024.1", "")]
    public void PolicyStamp_Split_VersionAndSha256(string stamp, string version, string sha256) =>
        Assert.Equal((version, sha256), PolicyStamp.Split(stamp));

    private static void AssertFieldRefused(string field, Func<object> call)
    {
        var ex = Assert.Throws<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }
}
