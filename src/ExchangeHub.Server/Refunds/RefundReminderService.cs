using ExchangeHub.Server.Scheduling;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Refunds;

/// <summary>Looks for due reminders periodically (<see cref="RefundOptions.ReminderCheckInterval"/>).</summary>
public sealed class RefundReminderService(HubDatabase database, RefundActions actions, IOptions<RefundOptions> options, TimeProvider clock,
    ILogger<RefundReminderService> logger)
    : PeriodicCheckService(database, options.Value.SendReminders, options.Value.ReminderCheckInterval, "Hub:Refunds:ReminderCheckInterval",
        "looking for due refund reminders", clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken ct) => actions.SendDueRemindersAsync(ct);
}
