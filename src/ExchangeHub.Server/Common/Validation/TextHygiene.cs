using System.Text;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>
/// What every text field of the feeds may not contain (issue 13): text that looks different from what it is or
/// cannot be shown. Refused: control characters; bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069),
/// which reorder what a clerk reads; zero-width characters (U+200B–200D, U+2060, U+FEFF), which make two names that
/// look equal differ; Unicode non-characters (U+FDD0–FDEF and U+xFFFE/U+xFFFF of every plane); unpaired surrogates
/// (not text at all); and text of white space only. One check for every feed, through <see cref="Fields.Text"/>.
/// </summary>
public static class TextHygiene
{
    public static RecordFault? Check(string field, string value)
    {
        var blank = true;
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return Fault(field, RejectionCodes.TextUnpairedSurrogate, $"an unpaired surrogate at index {i}");
            }
            if (Refusal(rune) is { } refusal)
            {
                return Fault(field, refusal.Code, $"{refusal.What} U+{rune.Value:X4} at index {i}");
            }
            blank &= Rune.IsWhiteSpace(rune);
            i += consumed;
        }
        return blank && value.Length > 0
            ? new RecordFault(field, RejectionCodes.TextBlank, $"{field} is only white space.")
            : null;
    }

    private static (string Code, string What)? Refusal(Rune rune) => rune.Value switch
    {
        _ when Rune.IsControl(rune) => (RejectionCodes.InvalidCharacters, "a control character"),
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => (RejectionCodes.TextBidiControl, "a bidi control"),
        >= 0x200B and <= 0x200D or 0x2060 or 0xFEFF => (RejectionCodes.TextZeroWidth, "a zero-width character"),
        >= 0xFDD0 and <= 0xFDEF => (RejectionCodes.TextNonCharacter, "a non-character"),
        var v when (v & 0xFFFE) == 0xFFFE => (RejectionCodes.TextNonCharacter, "a non-character"),
        _ => null,
    };

    private static RecordFault Fault(string field, string code, string what) => new(field, code, $"{field} contains {what}.");
}
