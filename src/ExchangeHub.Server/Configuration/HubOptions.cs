namespace ExchangeHub.Server.Configuration;

/// <summary>The <c>Hub</c> configuration section (README: "Configuration reference").</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    public StorageOptions Storage { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public IngestionOptions Ingestion { get; set; } = new();
    public LimitsOptions Limits { get; set; } = new();
    public DecisionOptions Decisions { get; set; } = new();
    public TelemetryOptions Telemetry { get; set; } = new();
    public AuditOptions Audit { get; set; } = new();
}
