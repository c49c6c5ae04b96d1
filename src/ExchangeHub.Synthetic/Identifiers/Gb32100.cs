namespace ExchangeHub.Synthetic.Identifiers;

/// <summary>Unified social credit code (GB 32100-2015): 18 characters, the last one a check character.</summary>
public static class Gb32100
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly System.Buffers.SearchValues<char> Characters = System.Buffers.SearchValues.Create(Alphabet);

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("a USCC body has 17 characters", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a USCC character", nameof(first17));
            }
            sum += value * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// A valid code: registration authority and kind (e.g. "91" enterprise), a 6-digit address code and an
    /// 8-digit organisation body with its GB 11714 check character, then the GB 32100 check character.
    /// </summary>
    public static string Create(string authorityAndKind, string addressCode, string organisationBody)
    {
        var first17 = string.Concat(authorityAndKind, addressCode, organisationBody, Gb11714.CheckCharacter(organisationBody).ToString());
        return first17 + CheckCharacter(first17);
    }

    /// <summary>18 characters of the code's alphabet with a matching check character.</summary>
    public static bool IsValid(string code) =>
        code.Length == 18
        && code.AsSpan(0, 17).IndexOfAnyExcept(Characters) < 0
        && CheckCharacter(code.AsSpan(0, 17)) == code[17];
}
