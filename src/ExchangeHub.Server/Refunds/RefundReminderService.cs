using ExchangeHub.Server.Scheduling;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Refunds;

/// <summary>Looks for due reminders periodically (<see cref="RefundOptions.ReminderCheckInterval"/>).</summary>
public sealed class RefundReminderService(RefundActions actions, IOptions<RefundOptions> options, TimeProvider clock,
    ILogger<RefundReminderService> logger)
    : PeriodicCheckService(options.Value.SendReminders, options.Value.ReminderCheckInterval, "Hub:Refunds:ReminderCheckInterval",
        "looking for due refund reminders", clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => actions.SendDueRemindersAsync(ct);
}
