namespace ExchangeHub.Server.Storage;

/// <summary>The current version of a tax bureau's contribution line (table <c>contribution_lines</c>).</summary>
public sealed class ContributionLineRow : FeedRow
{
    public string Uscc { get; set; } = "";
    public string ResidentId { get; set; } = "";
    /// <summary>Contribution period as yyyymm (202301 = January 2023).</summary>
    public int Period { get; set; }
    public long EmployerAmountFen { get; set; }
    public long EmployeeAmountFen { get; set; }
    public long? WageBaseFen { get; set; }
    public int Kind { get; set; }
    public DateOnly ReceivedDate { get; set; }
    public string TaxOfficeCode { get; set; } = "";
}
