using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Benefits;

/// <summary>
/// Asks the bureau's channels to notify the claimant. Names no personal id: the notifier resolves the claim id (and the
/// pseudonymous key) itself.
/// </summary>
[MessageUrn("exchangehub.v1:NotificationRequested")]
[EntityName("exchangehub.v1.notification-requested")]
public sealed record NotificationRequested : BenefitClaimEvent
{
    /// <summary>Where to notify: APP, SMS, WECHAT, OFFICIAL_ACCOUNT, QR_CODE.</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>The template: CLAIM_DECIDED or BENEFIT_PERIOD_RECALCULATED.</summary>
    [AllowedValues("CLAIM_DECIDED", "BENEFIT_PERIOD_RECALCULATED")]
    public required string Purpose { get; init; }

    /// <summary>The decision the notice is about.</summary>
    public required long DecisionId { get; init; }
}
