using System.Globalization;

namespace ExchangeHub.Cli.Display;

/// <summary>Amounts are fen in the contract; operators read yuan. Exact: integer arithmetic, never a double.</summary>
public static class Yuan
{
    /// <summary>432000 → "4,320.00".</summary>
    public static string Format(long fen)
    {
        // Through ulong so that long.MinValue has a magnitude too.
        var magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        var yuan = (magnitude / 100).ToString("N0", CultureInfo.InvariantCulture);
        var cents = (magnitude % 100).ToString("D2", CultureInfo.InvariantCulture);
        return (fen < 0 ? "-" : "") + yuan + "." + cents;
    }

    /// <summary>432000 → "4,320.00 yuan (432000 fen)".</summary>
    public static string WithFen(long fen) => $"{Format(fen)} yuan ({fen.ToString(CultureInfo.InvariantCulture)} fen)";
}
