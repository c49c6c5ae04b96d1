namespace ExchangeHub.Synthetic.Identifiers;

/// <summary>Organisation code (GB 11714-1997), positions 9-17 of a USCC: 8 characters and a check character.</summary>
public static class Gb11714
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = c is >= '0' and <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * Weights[i];
        }
        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
