using ExchangeHub.Server.Common.Validation;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>The identifier rules of POLICY.md "Identifiers", with its worked examples.</summary>
public sealed class IdentifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("91350100M000100Y43")] // POLICY.md's example
    [InlineData("11650000MB1A12345Q")] // computed independently (python, the weights of POLICY.md)
    [InlineData("Y1650000MB1A12345T")] // positions 1-2 may be letters
    public void UsccCheck_ValidCode_NoFault(string code) => Assert.Null(Uscc.Check("uscc", code));

    [Theory]
    [InlineData("91350100M000100Y44", "USCC_CHECK_CHARACTER")]
    [InlineData("91350100M000100Y4", "USCC_FORMAT")]
    [InlineData("91350100M000100YI3", "USCC_FORMAT")]
    [InlineData("91350100m000100Y43", "USCC_FORMAT")]
    public void UsccCheck_BadCode_Fault(string code, string reason) => Assert.Equal(reason, Uscc.Check("uscc", code)?.ReasonCode);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("360426199101010071")]
    public void ResidentIdCheck_PolicyExamples_Valid(string id) => Assert.Null(ResidentId.Check("resident_id", id, Today));

    [Theory]
    [InlineData("110105194912310021", "RESIDENT_ID_CHECK_CHARACTER")]
    [InlineData("360426199102300071", "RESIDENT_ID_BIRTH_DATE")]
    [InlineData("36042619910101007", "RESIDENT_ID_FORMAT")]
    public void ResidentIdCheck_BadId_Fault(string id, string reason) => Assert.Equal(reason, ResidentId.Check("resident_id", id, Today)?.ReasonCode);

    [Fact]
    public void Mask_ResidentId_KeepsOnlyAddressAndLastTwo() => Assert.Equal("110105**********2X", ResidentId.Mask("11010519491231002X"));

    [Theory]
    [InlineData("1999-01", true)]
    [InlineData("1998-12", false)]
    [InlineData("2026-11", true)]
    [InlineData("2026-12", false)]
    public void Period_RangeBoundaries_CurrentMonthIsTheLatest(string period, bool valid)
    {
        var context = new ValidationContext(Today, 199901);
        Assert.Equal(valid, Fields.Period("period", period, context, out _) is null);
    }

    [Fact]
    public void ValidationContext_JustAfterMidnightInUrumqiButBeforeInUtc_UsesChinaStandardTime()
    {
        var context = ValidationContext.At(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), 199901);
        Assert.Equal(new DateOnly(2026, 12, 1), context.Today);
        Assert.Equal(202612, context.LatestPeriod);
    }
}
