namespace ExchangeHub.Policy.Refunds;

/// <summary>Registration status at decision time (1.(2) REFUND_ACTIVE).</summary>
public enum RegistrationStatus
{
    Active,
    Deregistered,
    Revoked,
}
