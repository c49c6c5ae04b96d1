using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Benefits;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Contracts.Transfers;
using MassTransit;

namespace ExchangeHub.SampleSubscriber;

/// <summary>
/// Handles one event type: skips a repeat of an event already handled, otherwise logs one line. A real subscriber
/// would act here (notify the unit, start a payment) — idempotently, keyed by the event id.
/// </summary>
public sealed class HubEventConsumer<TEvent>(ProcessedEvents processed, ILogger<HubEventConsumer<TEvent>> logger) : IConsumer<TEvent>
    where TEvent : class, IHubEvent
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        var type = typeof(TEvent).Name;
        var first = processed.TryMarkFirst(message.EventId);
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return Task.CompletedTask;
        }
        if (!first)
        {
            logger.LogInformation("duplicate {EventType} {EventId} skipped (message id {MessageId})", type, message.EventId, context.MessageId);
            return Task.CompletedTask;
        }
        logger.LogInformation("event {EventType} {EventId} subject={SubjectKey} correlation={CorrelationId} {Details}",
            type, message.EventId, message.SubjectKey, message.CorrelationId, Details(message));
        return Task.CompletedTask;
    }

    private static string Details(IHubEvent message) => message switch
    {
        RefundOffered offer => $"amount={offer.AmountFen} fen rate={offer.Rate} size={offer.SizeClass}",
        RefundIneligible refusal => "reasons=" + string.Join(',', refusal.ReasonCodes),
        RefundHeldForDeferral held => $"amount={held.AmountFen} fen held until deferred months are settled",
        BenefitGranted granted => $"months={granted.MaxMonths} insured={granted.InsuredMonthsCounted}",
        TransferDeadlineMissed missed => $"requested={missed.RequestedOn:yyyy-MM-dd} due={missed.DueOn:yyyy-MM-dd}",
        ReconciliationCompleted done => $"year={done.ProgramYear} units={done.Units} decided={done.Decided} offered={done.OfferedAmountFen} held={done.HeldAmountFen} awaiting_application={done.AwaitingApplicationAmountFen} fen",
        _ => "",
    };
}
