using ExchangeHub.Synthetic;

namespace ExchangeHub.Cli.Simulate;

/// <summary>
/// The agency that sends a feed, with the role the hub requires of it (README, "How an agency connects"). In
/// development each agency has its own token; <c>simulate</c> talks to the hub as all four.
/// </summary>
public sealed record FeedAgency(string Option, string Role, string DevelopmentToken)
{
    public static readonly FeedAgency Tax = new("--tax-token", "TAX_BUREAU", "dev-tax-token");
    public static readonly FeedAgency Market = new("--market-token", "MARKET_REGULATION", "dev-market-token");
    public static readonly FeedAgency Transfer = new("--transfer-token", "TRANSFER_SYSTEM", "dev-transfer-token");
    public static readonly FeedAgency Skill = new("--skill-token", "SKILL_CERTIFICATION", "dev-skill-token");

    public static readonly FeedAgency[] All = [Tax, Market, Transfer, Skill];

    /// <summary>EXCHANGEHUB_TAX_TOKEN and so on.</summary>
    public string EnvironmentVariable => "EXCHANGEHUB_" + Option[2..].Replace('-', '_').ToUpperInvariant();

    public static FeedAgency Of(SimulatedFeed feed) => feed switch
    {
        SimulatedFeed.Units => Market,
        SimulatedFeed.Contributions or SimulatedFeed.Settlements => Tax,
        SimulatedFeed.TransferRequests => Transfer,
        _ => Skill,
    };
}
