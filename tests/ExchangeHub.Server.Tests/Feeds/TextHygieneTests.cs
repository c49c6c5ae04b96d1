using ExchangeHub.Server.Common.Validation;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>Issue 13: the text every feed accepts, at each boundary of the refused ranges (one below, first, last, one above).</summary>
public sealed class TextHygieneTests
{
    public static TheoryData<string, string?> Cases => new()
    {
        { "新疆生产建设兵团第一师", null },
        { "a b", null },
        { "", null },
        { " ", "TEXT_BLANK" },
        { "\u3000\t", "INVALID_CHARACTERS" },
        { "\u3000", "TEXT_BLANK" },
        { "a\u2029b", null },
        { "a\u202Ab", "TEXT_BIDI_CONTROL" },
        { "a\u202Eb", "TEXT_BIDI_CONTROL" },
        { "a\u202Fb", null },
        { "a\u2065b", null },
        { "a\u2066b", "TEXT_BIDI_CONTROL" },
        { "a\u2069b", "TEXT_BIDI_CONTROL" },
        { "a\u206Ab", null },
        { "a\u200Ab", null },
        { "a\u200Bb", "TEXT_ZERO_WIDTH" },
        { "a\u200Db", "TEXT_ZERO_WIDTH" },
        { "a\u200Eb", null },
        { "a\u2060b", "TEXT_ZERO_WIDTH" },
        { "a\uFEFFb", "TEXT_ZERO_WIDTH" },
        { "a\uFDCFb", null },
        { "a\uFDD0b", "TEXT_NON_CHARACTER" },
        { "a\uFDEFb", "TEXT_NON_CHARACTER" },
        { "a\uFDF0b", null },
        { "a\uFFFDb", null },
        { "a\uFFFEb", "TEXT_NON_CHARACTER" },
        { "a\uFFFFb", "TEXT_NON_CHARACTER" },
        { "a\U0010FFFDb", null },
        { "a\U0010FFFEb", "TEXT_NON_CHARACTER" },
        { "😀", null },
        { "a\u0000", "INVALID_CHARACTERS" },
        { "a\u007F", "INVALID_CHARACTERS" },
        { "a\u0085", "INVALID_CHARACTERS" },
    };

    /// <summary>
    /// A lone surrogate cannot cross the wire (protobuf strings are UTF-8; the client's encoder replaces it), and a
    /// theory's data would lose it too: checked in process.
    /// </summary>
    [Fact]
    public void Check_UnpairedSurrogates_Refused()
    {
        Assert.Equal("TEXT_UNPAIRED_SURROGATE", TextHygiene.Check("name", "a\uD83D")?.ReasonCode);
        Assert.Equal("TEXT_UNPAIRED_SURROGATE", TextHygiene.Check("name", "\uDE00a")?.ReasonCode);
        Assert.Equal("TEXT_UNPAIRED_SURROGATE", TextHygiene.Check("name", "a\uD83Db")?.ReasonCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Text_RefusedWithItsReason(string text, string? reason) =>
        Assert.Equal(reason, TextHygiene.Check("name", text)?.ReasonCode);
}
