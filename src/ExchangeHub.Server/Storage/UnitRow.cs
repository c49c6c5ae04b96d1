namespace ExchangeHub.Server.Storage;

/// <summary>The current market-regulation record of a unit (table <c>units</c>).</summary>
public sealed class UnitRow : FeedRow
{
    public string Uscc { get; set; } = "";
    public string Name { get; set; } = "";
    public int OrganisationType { get; set; }
    public int RegistrationStatus { get; set; }
    public DateOnly RegisteredDate { get; set; }
    public DateOnly? StatusDate { get; set; }
    public string IndustryCode { get; set; } = "";
    public int SizeClass { get; set; }
    public int SizeClassSource { get; set; }
    public long? Employees { get; set; }
    public long? RevenueFen { get; set; }
    public long? TotalAssetsFen { get; set; }
    public bool LabourDispatch { get; set; }
    public string DivisionCode { get; set; } = "";
}
