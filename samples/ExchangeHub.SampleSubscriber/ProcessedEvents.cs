using System.Collections.Concurrent;

namespace ExchangeHub.SampleSubscriber;

/// <summary>
/// The event ids this process has handled, to skip redeliveries: the hub delivers at least once, and every copy of an
/// event carries the same EventId (= MassTransit MessageId). In memory and bounded — enough for a sample, not for a
/// real subscriber: that one records the id in its own database in the same transaction as the effect of the event
/// (e.g. a unique key on the table it writes), so a restart or a second instance does not apply an event twice.
/// </summary>
public sealed class ProcessedEvents(int capacity = 100_000)
{
    private readonly ConcurrentDictionary<Guid, byte> _seen = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    /// <summary>True the first time an id is seen; false for a repeat.</summary>
    public bool TryMarkFirst(Guid eventId)
    {
        if (!_seen.TryAdd(eventId, 0))
        {
            return false;
        }
        _order.Enqueue(eventId);
        // Forget the oldest ids beyond the capacity: redeliveries come soon after the first delivery.
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _seen.TryRemove(oldest, out _);
        }
        return true;
    }
}
