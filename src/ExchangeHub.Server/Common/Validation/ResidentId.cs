using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>
/// Resident identity number, GB 11643-1999: 6 address digits, birth date yyyyMMdd, 3 sequence digits, check
/// character. Messages never repeat the number: personal ids never appear whole in logs, replies or events.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static RecordFault? Check(string field, string value, DateOnly today)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (18-character resident identity number).");
        }
        if (value.Length != 18)
        {
            return new RecordFault(field, RejectionCodes.ResidentIdFormat, $"{field} must have 18 characters, not {value.Length}.");
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = value[i] - '0';
            if (d is < 0 or > 9)
            {
                return new RecordFault(field, RejectionCodes.ResidentIdFormat, $"{field} character {i + 1} must be a digit.");
            }
            sum += d * Weights[i];
        }
        var year = Digits(value, 6, 4);
        var month = Digits(value, 10, 2);
        var day = Digits(value, 12, 2);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || new DateOnly(year, month, day) > today)
        {
            return new RecordFault(field, RejectionCodes.ResidentIdBirthDate,
                $"{field} characters 7-14 are not a valid birth date between 1900 and today.");
        }
        var expected = CheckCharacters[sum % 11];
        var actual = value[17];
        return actual == expected
            ? null
            : new RecordFault(field, RejectionCodes.ResidentIdCheckCharacter,
                $"{field} check character does not match the first 17 characters (GB 11643-1999; X is upper case).");
    }

    /// <summary>A form safe for logs: address prefix and check character only (e.g. <c>110105**********2X</c>).</summary>
    public static string Mask(string value) =>
        value.Length == 18 ? string.Concat(value.AsSpan(0, 6), new string('*', 10), value.AsSpan(16, 2)) : "******";

    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            n = (n * 10) + (s[i] - '0');
        }
        return n;
    }
}
