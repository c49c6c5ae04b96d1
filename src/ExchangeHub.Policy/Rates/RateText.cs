using System.Globalization;

namespace ExchangeHub.Policy.Rates;

/// <summary>
/// The one text form of a rate (and of any decimal the hub publishes) in replies, events and explanations: canonical
/// decimal — no exponent, no trailing fraction zeros, at least one digit before the point ("0.6", "0.75", "1").
/// A policy file's "0.60" and a computed 0.6 therefore read the same everywhere.
/// </summary>
public static class RateText
{
    public static string Format(decimal rate)
    {
        // "F" never uses an exponent; decimal keeps its scale (0.60m prints "0.60"), so the zeros are trimmed here.
        var text = rate.ToString("0.############################", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>The form of an optional rate; empty when absent (not computable).</summary>
    public static string Format(decimal? rate) => rate is { } r ? Format(r) : "";
}
