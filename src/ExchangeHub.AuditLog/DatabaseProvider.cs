namespace ExchangeHub.AuditLog;

/// <summary>
/// The engines the hub stores its audit trail in; the same names as the hub's <c>Hub:Storage:Provider</c>, so that
/// the CLI's <c>--provider</c> takes the values the hub's configuration does.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
