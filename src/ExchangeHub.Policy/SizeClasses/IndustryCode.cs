namespace ExchangeHub.Policy.SizeClasses;

/// <summary>GB/T 4754-2017 industry codes: a section letter A–T and/or 2–4 digits (division, group, class).</summary>
internal static class IndustryCode
{
    // First division of each section A..T; a division belongs to the last section starting at or before it.
    private static readonly (char Section, int FirstDivision)[] Sections =
    [
        ('A', 1), ('B', 6), ('C', 13), ('D', 44), ('E', 47), ('F', 51), ('G', 53), ('H', 61), ('I', 63), ('J', 66),
        ('K', 70), ('L', 71), ('M', 73), ('N', 76), ('O', 80), ('P', 83), ('Q', 84), ('R', 86), ('S', 91), ('T', 97),
    ];

    public static bool IsValidPattern(string code) =>
        (code.Length == 1 && code[0] is >= 'A' and <= 'T') || (code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit));

    /// <summary>Splits "F5211", "5211" or "F" into a section letter and digits; false when malformed or inconsistent.</summary>
    public static bool TryNormalise(string? input, out char section, out string digits)
    {
        section = '\0';
        digits = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim().ToUpperInvariant();
        var letter = char.IsAsciiLetter(text[0]) ? text[0] : '\0';
        digits = letter == '\0' ? text : text[1..];
        if (digits.Length is 1 or > 4 || !digits.All(char.IsAsciiDigit) || (letter == '\0' && digits.Length == 0))
        {
            return false;
        }

        var derived = digits.Length >= 2 ? SectionOf(int.Parse(digits.AsSpan(0, 2), provider: null)) : letter;
        if (derived == '\0' || (letter != '\0' && letter != derived))
        {
            return false;
        }

        section = derived;
        return true;
    }

    /// <summary>How specifically <paramref name="ruleCode"/> matches: -1 no match, 0 by section, else digits matched.</summary>
    public static int MatchLength(string ruleCode, char section, string digits)
    {
        if (char.IsAsciiLetter(ruleCode[0]))
        {
            return ruleCode[0] == section ? 0 : -1;
        }

        return digits.StartsWith(ruleCode, StringComparison.Ordinal) ? ruleCode.Length : -1;
    }

    private static char SectionOf(int division)
    {
        if (division is < 1 or > 97)
        {
            return '\0';
        }

        var section = '\0';
        foreach (var (letter, first) in Sections)
        {
            if (division >= first)
            {
                section = letter;
            }
        }

        return section;
    }
}
