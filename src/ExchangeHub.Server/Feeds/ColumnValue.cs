using System.Globalization;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// One canonical text form per column value, whatever the provider returns (SQLite gives dates as text and
/// booleans as integers; PostgreSQL gives DateOnly and bool), so "same content" means the same on both.
/// </summary>
public static class ColumnValue
{
    public static string? Canonical(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "1" : "0",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
