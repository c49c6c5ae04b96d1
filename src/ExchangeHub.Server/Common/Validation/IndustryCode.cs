using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>GB/T 4754-2017 industry code: a section letter A–T, optionally followed by 2, 3 or 4 digits.</summary>
public static class IndustryCode
{
    public static RecordFault? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (GB/T 4754, e.g. C1311).");
        }
        var valid = value[0] is >= 'A' and <= 'T' && value.Length is 1 or 3 or 4 or 5;
        for (var i = 1; valid && i < value.Length; i++)
        {
            valid = char.IsAsciiDigit(value[i]);
        }
        return valid
            ? null
            : new RecordFault(field, RejectionCodes.IndustryCodeFormat,
                $"{field} must be a GB/T 4754 section letter A-T followed by 0, 2, 3 or 4 digits (e.g. C, C13, C131, C1311).");
    }
}
