using System.Globalization;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>Checks of single fields shared by every feed. Each returns the fault, or null when the value is good.</summary>
public static class Fields
{
    /// <summary>Largest amount accepted in one record: 100 million yuan. Anything larger is a unit error upstream.</summary>
    public const long MaxAmountFen = 10_000_000_000;

    /// <summary>
    /// Largest figure of a unit (revenue, total assets) and largest ledger number: 10^15 fen ≈ 10 trillion yuan, above
    /// any enterprise and far below <see cref="long.MaxValue"/>, so sums and products over them stay in range
    /// (issue 13; the size-class check compares in Int128 regardless).
    /// </summary>
    public const long MaxFigure = 1_000_000_000_000_000;

    public static RecordFault? Text(string field, string value, int maxLength, bool required = true)
    {
        if (value.Length == 0)
        {
            return required ? new RecordFault(field, RejectionCodes.Required, $"{field} is required.") : null;
        }
        if (value.Length > maxLength)
        {
            return new RecordFault(field, RejectionCodes.TooLong, $"{field} has {value.Length} characters; at most {maxLength}.");
        }
        return TextHygiene.Check(field, value);
    }

    /// <summary>Codes the contract says are letters or digits only (e.g. <c>tax_office_code</c>): ASCII A–Z, a–z, 0–9.</summary>
    public static RecordFault? LettersOrDigits(string field, string value, int maxLength)
    {
        if (Text(field, value, maxLength) is { } fault)
        {
            return fault;
        }
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return new RecordFault(field, RejectionCodes.InvalidCharacters, $"{field} may contain only letters and digits (found '{c}').");
            }
        }
        return null;
    }

    /// <summary>Identifiers and codes: letters, digits and <c>. _ : -</c> only.</summary>
    public static RecordFault? Code(string field, string value, int maxLength)
    {
        if (Text(field, value, maxLength) is { } fault)
        {
            return fault;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                return new RecordFault(field, RejectionCodes.InvalidCharacters,
                    $"{field} may contain only letters, digits and . _ : - (found '{c}').");
            }
        }
        return null;
    }

    public static RecordFault? Revision(string field, int revision) => revision >= 1
        ? null
        : new RecordFault(field, RejectionCodes.RevisionInvalid, $"{field} must be 1 or more, not {revision}.");

    public static RecordFault? Amount(string field, long fen)
    {
        if (fen < 0)
        {
            return new RecordFault(field, RejectionCodes.AmountNegative, $"{field} must not be negative ({fen} fen).");
        }
        return fen > MaxAmountFen
            ? new RecordFault(field, RejectionCodes.AmountTooLarge, $"{field} exceeds {MaxAmountFen} fen; amounts are in fen, not yuan x 100?")
            : null;
    }

    public static RecordFault? Count(string field, long value, long min, long max) => value >= min && value <= max
        ? null
        : new RecordFault(field, RejectionCodes.OutOfRange, $"{field} must be between {min} and {max}, not {value}.");

    /// <summary>A known, non-zero value of a proto enum.</summary>
    public static RecordFault? Enum<TEnum>(string field, TEnum value)
        where TEnum : struct, System.Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        if (number == 0)
        {
            return new RecordFault(field, RejectionCodes.EnumUnspecified, $"{field} must be set.");
        }
        return System.Enum.IsDefined(value)
            ? null
            : new RecordFault(field, RejectionCodes.EnumUnknown, $"{field} value {number} is not a known {typeof(TEnum).Name}.");
    }

    /// <summary>Parses "YYYY-MM" within the context's range; returns yyyymm.</summary>
    public static RecordFault? Period(string field, string value, ValidationContext context, out int period)
    {
        period = 0;
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (YYYY-MM).");
        }
        if (value.Length != 7 || value[4] != '-' || !TryDigits(value, 0, 4, out var year) || !TryDigits(value, 5, 2, out var month)
            || month is < 1 or > 12)
        {
            return new RecordFault(field, RejectionCodes.PeriodFormat, $"{field} must be a month YYYY-MM, not '{Clip(value)}'.");
        }
        period = (year * 100) + month;
        return period < context.EarliestPeriod || period > context.LatestPeriod
            ? new RecordFault(field, RejectionCodes.PeriodOutOfRange,
                $"{field} {value} is outside {FormatPeriod(context.EarliestPeriod)}..{FormatPeriod(context.LatestPeriod)}.")
            : null;
    }

    /// <summary>Parses "YYYY-MM-DD", not before 1990-01-01 nor after today.</summary>
    public static RecordFault? Date(string field, string value, ValidationContext context, out DateOnly date)
    {
        date = default;
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (YYYY-MM-DD).");
        }
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !TryDigits(value, 0, 4, out var year) || !TryDigits(value, 5, 2, out var month) || !TryDigits(value, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new RecordFault(field, RejectionCodes.DateFormat, $"{field} must be a date YYYY-MM-DD, not '{Clip(value)}'.");
        }
        date = new DateOnly(year, month, day);
        if (date.Year < 1990)
        {
            return new RecordFault(field, RejectionCodes.DateOutOfRange, $"{field} {value} is before 1990.");
        }
        return date > context.Today
            ? new RecordFault(field, RejectionCodes.DateOutOfRange,
                $"{field} {value} is after today ({context.Today:yyyy-MM-dd}, China Standard Time).")
            : null;
    }

    public static string FormatPeriod(int yyyymm) =>
        string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:D4}-{yyyymm % 100:D2}");

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        return true;
    }

    private static string Clip(string value) => value.Length <= 20 ? value : string.Concat(value.AsSpan(0, 20), "…");
}
