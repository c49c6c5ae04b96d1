namespace ExchangeHub.AuditLog;

/// <summary>The SQLite file asked for is not there; nothing was created in its place.</summary>
public sealed class DatabaseNotFoundException(string path)
    : IOException($"no database at {path} (give --connection, or set EXCHANGEHUB_CONNECTION or {DataLocation.Variable})")
{
    public string Path { get; } = path;
}
