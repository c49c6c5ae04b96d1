using ExchangeHub.V1;

namespace ExchangeHub.Server.Common.Validation;

/// <summary>Unified social credit code, GB 32100-2015: 18 characters, the last a check character.</summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly sbyte[] Values = BuildValues();

    public static RecordFault? Check(string field, string value)
    {
        if (value.Length == 0)
        {
            return new RecordFault(field, RejectionCodes.Required, $"{field} is required (18-character unified social credit code).");
        }
        if (value.Length != 18)
        {
            return new RecordFault(field, RejectionCodes.UsccFormat, $"{field} must have 18 characters, not {value.Length}.");
        }
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var c = value[i];
            var v = c < 128 ? Values[c] : (sbyte)-1;
            if (v < 0)
            {
                return new RecordFault(field, RejectionCodes.UsccFormat,
                    $"{field} character {i + 1} '{c}' is not one of {Alphabet} (GB 32100-2015).");
            }
            if (i < 17)
            {
                sum += v * Weights[i];
            }
        }
        var expected = Alphabet[(31 - (sum % 31)) % 31];
        return value[17] == expected
            ? null
            : new RecordFault(field, RejectionCodes.UsccCheckCharacter,
                $"{field} check character is '{value[17]}' but the first 17 characters give '{expected}' (GB 32100-2015).");
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }
        return values;
    }
}
