namespace ExchangeHub.Server.Common;

/// <summary>
/// The authenticated caller: the agency's configured id, name and roles, and the divisions it may report records for
/// (its jurisdiction, FACTS "Sources"; null: every division).
/// </summary>
public sealed record AgencyIdentity(string Id, string Name, IReadOnlySet<string> Roles, IReadOnlySet<string>? Divisions = null);
