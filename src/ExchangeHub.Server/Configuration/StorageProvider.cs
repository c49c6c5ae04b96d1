namespace ExchangeHub.Server.Configuration;

/// <summary>The database engines the hub runs on.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
