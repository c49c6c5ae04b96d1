using System.CommandLine;
using ExchangeHub.AuditLog;

namespace ExchangeHub.Cli;

/// <summary>The options every database command takes; the default database is the hub's (<see cref="DataLocation"/>).</summary>
public sealed class DatabaseOptions
{
    public Option<DatabaseProvider> Provider { get; } = new("--provider")
    {
        Description = "Sqlite or Postgres (env EXCHANGEHUB_PROVIDER)",
        DefaultValueFactory = _ => Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("EXCHANGEHUB_PROVIDER"), true, out var p)
            ? p
            : DatabaseProvider.Sqlite,
    };

    public Option<string> Connection { get; } = new("--connection")
    {
        Description = $"ADO.NET connection string (env EXCHANGEHUB_CONNECTION; default: the hub's default SQLite file, exchangehub.db in ${DataLocation.Variable} or ./data)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGEHUB_CONNECTION")
            ?? DataLocation.DefaultConnectionString,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    public AuditDatabase Read(ParseResult result) => new(result.GetValue(Provider), result.GetValue(Connection)!);
}
