namespace ExchangeHub.Server.Transfers;

/// <summary>The <c>Hub:Transfers</c> section: how the hub watches the 5-working-day limit of its transfer-outs.</summary>
public sealed class TransferOptions
{
    /// <summary>How often the hub looks for missed deadlines: 1 second to 1 day.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: this hub publishes no missed-deadline events by itself (another replica does).</summary>
    public bool SendDeadlineNotices { get; set; } = true;
}
