using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>XPCC division code: "00" for the Corps level, "01" to "14" for 第一师 … 第十四师.</summary>
public static class DivisionCode
{
    public static RecordFault? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (00 to 14).");
        }
        return value.Length == 2 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1])
            && ((value[0] - '0') * 10) + (value[1] - '0') <= 14
            ? null
            : new RecordFault(field, RejectionCodes.DivisionCodeUnknown, $"{field} '{value}' is not 00 (Corps level) or 01 to 14.");
    }

    /// <summary>
    /// FACTS "Sources": an agency limited to some divisions may not report a record for a unit of another one; null
    /// <paramref name="jurisdiction"/>: every division.
    /// </summary>
    public static RecordFault? Within(string field, string value, IReadOnlySet<string>? jurisdiction) =>
        jurisdiction is null || jurisdiction.Contains(value)
            ? null
            : new RecordFault(field, RejectionCodes.DivisionOutsideJurisdiction,
                $"{field} '{value}' is outside the agency's divisions ({string.Join(", ", jurisdiction.Order(StringComparer.Ordinal))}).");
}
