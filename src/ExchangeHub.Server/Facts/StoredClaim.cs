using ExchangeHub.Policy.Benefits;

namespace ExchangeHub.Server.Facts;

/// <summary>
/// A stored claim as the decision reads it. The resident id stays in memory: it is never put in an event.
/// <see cref="DueUndetermined"/> says why <see cref="DueOn"/> is null (2.(3) calendar coverage).
/// </summary>
public sealed record StoredClaim(string ClaimId, string PersonKey, string ResidentId, DateOnly AppliedOn, DateOnly? DueOn, IReadOnlyList<string> Channels,
    SeparationReason? Separation, bool? RegisteredUnemployed, PreviousSpell? PreviousSpell, string Status, bool OverdueNotified,
    string? DueUndetermined = null);
