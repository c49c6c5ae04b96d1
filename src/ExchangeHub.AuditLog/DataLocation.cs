namespace ExchangeHub.AuditLog;

/// <summary>
/// The one default database of the hub and of the operator's tool: <c>exchangehub.db</c> in the data directory, which
/// is <c>$EXCHANGEHUB_DATA</c> when set, else <c>data</c> under the working directory. Both programs compute it here, so
/// <c>dotnet run --project src/ExchangeHub.Server</c> and <c>exchangehub audit verify</c>, started from the same
/// directory (the repository root in the README), use the same file.
/// </summary>
public static class DataLocation
{
    public const string Variable = "EXCHANGEHUB_DATA";

    public static string Directory => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath("data");

    public static string DefaultDatabase => Path.Combine(Directory, "exchangehub.db");

    public static string DefaultConnectionString => $"Data Source={DefaultDatabase}";
}
