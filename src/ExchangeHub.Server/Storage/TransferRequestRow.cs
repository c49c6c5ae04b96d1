namespace ExchangeHub.Server.Storage;

/// <summary>A transfer request from the national transfer system (table <c>transfer_requests</c>).</summary>
public sealed class TransferRequestRow : FeedRow
{
    public string ResidentId { get; set; } = "";
    public int Direction { get; set; }
    public string CounterpartProvinceCode { get; set; } = "";
    /// <summary>Insured month ranges, canonical text: "201901-202012,202103-202106".</summary>
    public string InsuredPeriods { get; set; } = "";
    public int BenefitMonthsPaid { get; set; }
    public int ConsolidationPlace { get; set; }
    public DateOnly RequestedDate { get; set; }
}
