namespace ExchangeHub.Server.Configuration;

/// <summary>Where the hub keeps its data.</summary>
public sealed class StorageOptions
{
    /// <summary><see cref="StorageProvider.Sqlite"/> (default, one file) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string; default: the SQLite file <c>exchangehub.db</c> in <c>$EXCHANGEHUB_DATA</c>, else in
    /// <c>data/</c> under the working directory — the same file the CLI reads by default (<see cref="AuditLog.DataLocation"/>).
    /// </summary>
    public string ConnectionString { get; set; } = AuditLog.DataLocation.DefaultConnectionString;
}
