using System.Data.Common;

namespace ExchangeHub.Server.Storage;

/// <summary>Cold-path reads: one parameterised query (<c>@p0</c>, <c>@p1</c>, …), each row handed to a callback.</summary>
public static class DbRows
{
    public static Task ForEachAsync(DbConnection connection, string sql, IReadOnlyList<object> values, Action<DbDataReader> row,
        CancellationToken ct) => ForEachAsync(connection, sql, command =>
        {
            for (var i = 0; i < values.Count; i++)
            {
                command.With($"@p{i}", values[i]);
            }
            return command;
        }, row, ct);

    /// <summary>The same with named parameters: <paramref name="bind"/> sets them (see <see cref="NamedParameters.With"/>).</summary>
    public static async Task ForEachAsync(DbConnection connection, string sql, Func<DbCommand, DbCommand> bind, Action<DbDataReader> row,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
