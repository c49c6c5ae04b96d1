namespace ExchangeHub.Server.Storage;

/// <summary>The current settlement status of a unit for one month (table <c>settlement_statuses</c>).</summary>
public sealed class SettlementStatusRow : FeedRow
{
    public string Uscc { get; set; } = "";
    public int Period { get; set; }
    public int Status { get; set; }
    public DateOnly StatusDate { get; set; }
}
