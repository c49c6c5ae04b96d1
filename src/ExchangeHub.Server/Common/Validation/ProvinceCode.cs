using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>
/// Province-level codes of GB/T 2260 for the counterpart of a transfer. 66 is the XPCC's own province-level code in
/// the national transfer system: this side, never a counterpart. 65 (the Xinjiang Uygur Autonomous Region) is a
/// separate insurance region and a valid counterpart.
/// </summary>
public static class ProvinceCode
{
    private static readonly HashSet<string> Known =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "66", "71", "81", "82",
    ];

    public static RecordFault? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (two-digit GB/T 2260 code).");
        }
        if (!Known.Contains(value))
        {
            return new RecordFault(field, RejectionCodes.ProvinceCodeUnknown, $"{field} '{value}' is not a GB/T 2260 province code.");
        }
        return value == "66"
            ? new RecordFault(field, RejectionCodes.ProvinceCodeSelf, $"{field} {value} is this side of the transfer, not a counterpart.")
            : null;
    }
}
