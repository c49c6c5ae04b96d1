using System.Globalization;

namespace ExchangeHub.Policy.Explanations;

/// <summary>Builds the small string maps of inputs and parameters a <see cref="RuleCheck"/> carries.</summary>
internal static class Values
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Of(params (string Name, string Value)[] values)
    {
        var map = new Dictionary<string, string>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            map[name] = value;
        }

        return map;
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(decimal value) => Rates.RateText.Format(value);

    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An effective period as <c>from..to</c> (<c>from..</c> when open-ended).</summary>
    public static string Period(DateOnly from, DateOnly? to) => $"{Text(from)}..{(to is { } end ? Text(end) : string.Empty)}";

    public static string Text<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } known ? UpperSnake.Format(known) : "missing";

    public static string Text(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "missing",
    };
}
