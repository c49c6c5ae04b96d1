using System.Globalization;

namespace ExchangeHub.Policy;

/// <summary>Money is an integer number of fen; a rate applied to money rounds half-up to the fen (POLICY.md conventions).</summary>
public static class Money
{
    /// <summary>round(fen × rate) half-up, in exact decimal arithmetic (3025.14 yuan × 60% = 1815.084 → 1815.08).</summary>
    public static long ApplyRate(long fen, decimal rate) =>
        (long)decimal.Round(fen * rate, 0, MidpointRounding.AwayFromZero);

    public static string Format(long fen) => fen.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal rate) => Rates.RateText.Format(rate);
}
