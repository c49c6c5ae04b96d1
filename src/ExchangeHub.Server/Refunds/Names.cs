namespace ExchangeHub.Server.Refunds;

/// <summary>Workflow states as the contract spells them (UPPER_SNAKE).</summary>
public static class Names
{
    public static string Of(RefundState state) => ExchangeHub.Policy.UpperSnake.Format(state);
}
