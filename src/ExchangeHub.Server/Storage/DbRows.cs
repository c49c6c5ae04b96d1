using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>Cold-path reads: one parameterised query (<c>@p0</c>, <c>@p1</c>, …), each row handed to a callback.</summary>
public static class DbRows
{
    public static async Task ForEachAsync(DbConnection connection, string sql, IReadOnlyList<object> values, Action<DbDataReader> row,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = values[i];
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
