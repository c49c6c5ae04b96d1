namespace ExchangeHub.Server.Common;

/// <summary>The authenticated caller: the agency's configured id, name and roles.</summary>
public sealed record AgencyIdentity(string Id, string Name, IReadOnlySet<string> Roles);
