using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>
/// What every event about an unemployment-benefit claim (1.(4), 2.(3), 2.(4)) carries. The person is named only by the
/// pseudonymous <see cref="PersonKey"/> (also <see cref="HubEvent.SubjectKey"/>), never by the resident id.
/// </summary>
[MessageUrn("exchangehub.v1:BenefitClaimEvent")]
[ExcludeFromTopology]
public abstract record BenefitClaimEvent : HubEvent
{
    /// <summary>The hub's claim id (a UUID).</summary>
    public required string ClaimId { get; init; }

    /// <summary>The claimant's pseudonymous key: HMAC-SHA256 of the resident id with the hub's secret, 32 hex characters.</summary>
    public required string PersonKey { get; init; }
}
