using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// A listing of one column, optionally limited to a calendar year of a date column (year 0: every year), in id order:
/// the keys a "replay every decision" call walks through.
/// </summary>
public static class YearListing
{
    /// <summary><c>SELECT {select} FROM {from} WHERE {condition} [AND {dateColumn} in {year}] ORDER BY id</c>.</summary>
    public static async Task<List<T>> ReadAsync<T>(HubDatabase database, string select, string? condition, string dateColumn, int year,
        Func<DbDataReader, T> row, CancellationToken ct)
    {
        List<string> conditions = condition is null ? [] : [condition];
        if (year != 0)
        {
            conditions.Add($"{dateColumn} >= @from AND {dateColumn} <= @to");
        }
        var sql = select + (conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions)) + " ORDER BY id";
        await using var connection = await database.OpenReaderAsync(ct);
        var rows = new List<T>();
        await DbRows.ForEachAsync(connection, sql, c => year == 0 ? c : c.With("@from", new DateOnly(year, 1, 1)).With("@to", new DateOnly(year, 12, 31)),
            r => rows.Add(row(r)), ct);
        return rows;
    }
}
