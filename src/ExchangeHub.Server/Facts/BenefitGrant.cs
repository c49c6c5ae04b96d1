namespace ExchangeHub.Server.Facts;

/// <summary>
/// A GRANTED benefit decision of the hub in force on the decision date (1.(3) Decision): the benefit period runs from
/// its grant date for its maximum months, both ends included.
/// </summary>
public sealed record BenefitGrant(string ClaimId, DateOnly AppliedOn, DateOnly GrantedOn, int MaxMonths)
{
    /// <summary>The period's last day: the day before the grant date's day <see cref="MaxMonths"/> months later.</summary>
    public DateOnly LastDay => GrantedOn.AddMonths(MaxMonths).AddDays(-1);

    public bool Covers(DateOnly day) => MaxMonths > 0 && GrantedOn <= day && day <= LastDay;
}
