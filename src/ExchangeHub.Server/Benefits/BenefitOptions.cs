namespace ExchangeHub.Server.Benefits;

/// <summary>The <c>Hub:Benefits</c> section: how the hub watches the 2.(3) time limit of benefit claims.</summary>
public sealed class BenefitOptions
{
    /// <summary>How often the hub looks for overdue claims: 1 second to 1 day.</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: this hub publishes no overdue notices by itself (another replica does, or an operator triggers them).</summary>
    public bool SendOverdueNotices { get; set; } = true;
}
