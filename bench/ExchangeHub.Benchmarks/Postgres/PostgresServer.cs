using System.Diagnostics;
using Npgsql;

namespace ExchangeHub.Benchmarks.Postgres;

/// <summary>
/// The PostgreSQL server the benchmark uses: a fresh database per run (created and dropped through an admin
/// connection) and the <c>psql</c> client for the baselines, connected with the same login as the hub.
/// </summary>
internal sealed class PostgresServer(string adminConnectionString)
{
    public const string EnvironmentVariable = "EXCHANGEHUB_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=exchangehub;Password=exchangehub;Database=postgres";

    public static string FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : DefaultConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    public Task DropDatabaseAsync(string name) =>
        ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    public async Task<string> VersionAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <c>psql -X -q -At -v ON_ERROR_STOP=1 -c &lt;command&gt;</c> against <paramref name="database"/>, its
    /// output to /dev/null, and returns the wall time of the process; fails on any error output.
    /// </summary>
    public TimeSpan TimePsql(string database, string command)
    {
        var b = new NpgsqlConnectionStringBuilder(adminConnectionString);
        var info = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        // The command is passed as an argument, never spliced into the shell line.
        foreach (var arg in new[]
                 {
                     "-c", "psql -X -q -At -v ON_ERROR_STOP=1 -h \"$1\" -p \"$2\" -U \"$3\" -d \"$4\" -c \"$5\" > /dev/null",
                     "sh", b.Host ?? "127.0.0.1", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Username ?? "postgres", database, command,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        if (b.Password is { Length: > 0 } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new BenchmarkException("could not start sh for psql");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0 || !string.IsNullOrWhiteSpace(stderr))
        {
            throw new BenchmarkException($"psql failed (exit code {process.ExitCode}) running {Shorten(command)}:\n{stderr.Trim()}");
        }

        return clock.Elapsed;
    }

    public static string PsqlVersion()
    {
        var info = new ProcessStartInfo("psql", ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(info) ?? throw new BenchmarkException("could not start psql");
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BenchmarkException("psql not found: the PostgreSQL baselines need it (scripts/services.sh installs PostgreSQL).", ex);
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
