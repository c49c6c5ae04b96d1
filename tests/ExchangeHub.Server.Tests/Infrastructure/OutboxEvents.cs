using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Puts events into a running hub's outbox the way reconciliation does: OutboxWriter inside a writer transaction.</summary>
public static class OutboxEvents
{
    /// <summary>
    /// A refund offer for <paramref name="subject"/>; <paramref name="order"/> goes into DecisionId so a test can check
    /// the order a subscriber saw.
    /// </summary>
    public static RefundOffered Offer(string subject, string correlationId, long order) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        PolicyId = "xpcc-2024",
        PolicyVersion = "1.0.0+test",
        SubjectKey = subject,
        CorrelationId = correlationId,
        Uscc = subject,
        ProgramYear = 2024,
        DecisionId = order,
        AmountFen = 1_000 + order,
        Rate = "0.6",
        BaseFen = 10_000,
        SizeClass = "SMALL",
        SizeClassSource = "OFFICIAL",
        UsageNotice = "稳岗返还资金用于职工生活补助、缴纳社会保险费、转岗培训、技能提升培训等支出。",
        Explanation =
        [
            new RuleOutcome { RuleId = "REFUND_LAYOFF", ClauseId = "1.(2)", ReasonCode = "REFUND_LAYOFF_RATE_WITHIN_TARGET", Result = "PASSED", Message = "layoff rate within target" },
        ],
    };

    /// <summary>
    /// <paramref name="subjects"/> subjects with <paramref name="perSubject"/> events each, interleaved (round robin),
    /// DecisionId counting 1, 2, … per subject.
    /// </summary>
    public static List<HubEvent> Interleaved(string correlationId, int subjects, int perSubject)
    {
        var events = new List<HubEvent>(subjects * perSubject);
        for (var n = 1; n <= perSubject; n++)
        {
            for (var s = 0; s < subjects; s++)
            {
                events.Add(Offer($"{correlationId}-S{s:D4}", correlationId, n));
            }
        }
        return events;
    }

    /// <summary>Writes <paramref name="events"/> in transactions of <paramref name="perTransaction"/> and signals the relay.</summary>
    public static async Task WriteAsync(TestHub hub, IReadOnlyList<HubEvent> events, int perTransaction = 500)
    {
        var database = hub.Services.GetRequiredService<HubDatabase>();
        var writer = hub.Services.GetRequiredService<OutboxWriter>();
        foreach (var chunk in events.Chunk(perTransaction))
        {
            await using (var lease = await database.AcquireWriterAsync(CancellationToken.None))
            {
                await lease.BeginAsync(CancellationToken.None);
                foreach (var e in chunk)
                {
                    await writer.EnqueueAsync(lease, e, CancellationToken.None);
                }
                await lease.CommitAsync(CancellationToken.None);
            }
            hub.Services.GetRequiredService<OutboxSignal>().Notify();
        }
    }

    public static Task<long> UnsentAsync(TestHub hub, string correlationId) => hub.Database.ScalarAsync(
        $"SELECT COUNT(*) FROM outbox_messages WHERE correlation_id = '{correlationId}' AND sent_at_unix_ms IS NULL");
}
