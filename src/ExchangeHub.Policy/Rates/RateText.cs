using System.Globalization;

namespace ExchangeHub.Policy.Rates;

/// <summary>
/// The one text form of a rate, in replies and events alike (issue 13): a decimal in canonical form — no exponent,
/// no trailing fraction zeros, at least one digit before the point: <c>"0.6"</c>, <c>"0.75"</c>, <c>"1"</c>. The
/// policy file's <c>0.60</c> and <c>0.6</c> are the same rate and read the same.
/// </summary>
public static class RateText
{
    private const string Canonical = "0.############################";

    public static string Format(decimal rate) => rate.ToString(Canonical, CultureInfo.InvariantCulture);
}
