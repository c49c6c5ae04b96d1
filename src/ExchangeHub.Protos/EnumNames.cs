using System.Reflection;
using Google.Protobuf.Reflection;

namespace ExchangeHub.V1;

/// <summary>
/// The text form of the contract's enums: a value's proto name without its prefix (<c>REFUND_OUTCOME_ELIGIBLE</c> ↔
/// <c>"ELIGIBLE"</c>), the UPPER_SNAKE text the hub stores and its events carry. Read from the generated
/// <c>OriginalName</c> attributes, so it is exactly what the .proto files say. The hub maps its stored codes through
/// here and the CLI prints through here (never the numbers).
/// </summary>
public static class EnumNames
{
    /// <summary>The suffix of <paramref name="value"/>'s proto name ("ELIGIBLE"); an unknown number as its digits.</summary>
    public static string Suffix<T>(T value)
        where T : struct, Enum => Names<T>.BySuffix.TryGetValue(value, out var name) ? name : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value whose suffix is <paramref name="suffix"/>; UNSPECIFIED (0) for empty or unknown text.</summary>
    public static T Parse<T>(string? suffix)
        where T : struct, Enum => suffix is not null && Names<T>.ByText.TryGetValue(suffix, out var value) ? value : default;

    /// <summary>Whether <paramref name="value"/> is one the .proto file declares (a client may send any number).</summary>
    public static bool IsDeclared<T>(T value)
        where T : struct, Enum => Names<T>.BySuffix.ContainsKey(value);

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> BySuffix = Build();

        public static readonly Dictionary<string, T> ByText = BySuffix.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static Dictionary<T, string> Build()
        {
            var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => ((T)f.GetValue(null)!, f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name))
                .ToList();
            // The prefix is what the UNSPECIFIED (0) value's name has before "UNSPECIFIED" (AIP-126).
            var zero = fields.Single(f => Convert.ToInt32(f.Item1, System.Globalization.CultureInfo.InvariantCulture) == 0).Item2;
            var prefix = zero.EndsWith("UNSPECIFIED", StringComparison.Ordinal) ? zero[..^"UNSPECIFIED".Length] : "";
            return fields.ToDictionary(f => f.Item1, f => f.Item2.StartsWith(prefix, StringComparison.Ordinal) ? f.Item2[prefix.Length..] : f.Item2);
        }
    }
}
