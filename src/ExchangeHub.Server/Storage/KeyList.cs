using System.Text.Json;
using ExchangeHub.Server.Configuration;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// A list of text keys bound as one parameter, on both providers: SQLite takes a JSON array through <c>json_each</c>
/// (no limit on bound parameters), PostgreSQL a <c>text[]</c> through <c>= ANY</c>. <see cref="In"/> gives the
/// condition to append to a column, <see cref="Value"/> the parameter's value. (Feeds/FeedTable and Outbox/OutboxStore
/// spell the same two forms in their precomputed hot-path statements.)
/// </summary>
public static class KeyList
{
    /// <summary>" IN (SELECT value FROM json_each(@p))" on SQLite, " = ANY(@p)" on PostgreSQL, for parameter <paramref name="parameter"/>.</summary>
    public static string In(StorageProvider provider, string parameter) =>
        provider == StorageProvider.Sqlite ? $" IN (SELECT value FROM json_each({parameter}))" : $" = ANY({parameter})";

    /// <summary>The keys as the parameter of <see cref="In"/> takes them.</summary>
    public static object Value(StorageProvider provider, IEnumerable<string> keys) =>
        provider == StorageProvider.Sqlite ? JsonSerializer.Serialize(keys) : keys.ToArray();
}
