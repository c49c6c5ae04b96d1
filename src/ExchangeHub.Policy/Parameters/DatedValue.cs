namespace ExchangeHub.Policy.Parameters;

/// <summary>One value of a parameter with its effective period (inclusive; open-ended when <see cref="To"/> is null) and the clause it comes from.</summary>
public sealed record DatedValue<T>(DateOnly From, DateOnly? To, T Value, string Clause)
{
    public bool Covers(DateOnly date) => date >= From && (To is null || date <= To.Value);
}
