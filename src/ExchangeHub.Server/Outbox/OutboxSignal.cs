namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Wakes the relay as soon as new rows are committed, instead of at its next poll. Writers call
/// <see cref="Notify"/> after their transaction committed; calling it more often than needed is harmless.
/// </summary>
public sealed class OutboxSignal
{
    private int _pending;
    private TaskCompletionSource _waiter = NewWaiter();

    /// <summary>New outbox rows were committed.</summary>
    public void Notify()
    {
        Interlocked.Exchange(ref _pending, 1);
        Volatile.Read(ref _waiter).TrySetResult();
    }

    /// <summary>
    /// Waits until <see cref="Notify"/> is called (or was called since the last wait) or <paramref name="timeout"/>
    /// passes. True when signalled.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _pending, 0) == 1)
        {
            return true;
        }
        var waiter = NewWaiter();
        Volatile.Write(ref _waiter, waiter);
        // A Notify between the check above and the swap completed the old waiter: look at the flag once more.
        if (Interlocked.Exchange(ref _pending, 0) == 1)
        {
            return true;
        }
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, delayCancel.Token);
        var first = await Task.WhenAny(waiter.Task, delay);
        await delayCancel.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (first == waiter.Task)
        {
            Interlocked.Exchange(ref _pending, 0);
            return true;
        }
        return false;
    }

    private static TaskCompletionSource NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
