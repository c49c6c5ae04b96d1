namespace ExchangeHub.Server.Refunds;

/// <summary>The <c>Hub:Refunds</c> section: how the 免申即享 workflow reminds units that have not answered.</summary>
public sealed class RefundOptions
{
    /// <summary>Working days (on the policy's calendar, with Xinjiang's local days) after an offer or reminder before the next reminder.</summary>
    public int ReminderAfterWorkingDays { get; set; } = 10;

    /// <summary>Most reminders per offer.</summary>
    public int MaxReminders { get; set; } = 3;

    /// <summary>How often the hub looks for due reminders: 1 second to 1 day.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: this hub sends no reminders by itself (another replica does, or an operator triggers them).</summary>
    public bool SendReminders { get; set; } = true;
}
