namespace ExchangeHub.Server.Configuration;

/// <summary>Where the hub keeps its data.</summary>
public sealed class StorageOptions
{
    /// <summary><see cref="StorageProvider.Sqlite"/> (default, one file) or <see cref="StorageProvider.Postgres"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>ADO.NET connection string; default: a SQLite file <c>data/exchangehub.db</c> beside the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/exchangehub.db";
}
