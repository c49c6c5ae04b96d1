using System.Globalization;

namespace ExchangeHub.Synthetic.Identifiers;

/// <summary>Resident identity number (GB 11643-1999): address, birth date, sequence, check character.</summary>
public static class Gb11643
{
    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static string Create(string addressCode, DateOnly birthDate, int sequence)
    {
        Span<char> body = stackalloc char[18];
        addressCode.AsSpan().CopyTo(body);
        birthDate.TryFormat(body[6..], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        sequence.TryFormat(body[14..], out _, "D3", CultureInfo.InvariantCulture);
        body[17] = CheckCharacter(body[..17]);
        return new string(body);
    }

    /// <summary>18 characters, digits with a valid birth date and check character (the hub's validator is stricter on ranges).</summary>
    public static bool IsValid(string id) =>
        id.Length == 18
        && id.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0
        && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", out _)
        && CheckCharacter(id.AsSpan(0, 17)) == id[17];
}
