using System.Text;

namespace ExchangeHub.Policy;

/// <summary>The UPPER_SNAKE spelling of enum members used in the policy file and in explanations.</summary>
public static class UpperSnake
{
    public static string Format<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Names<TEnum>.ByName.TryGetValue(text, out value);
    }

    private static string Spell(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => Spell(v.ToString()));

        public static readonly Dictionary<string, TEnum> ByName =
            ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
