using ExchangeHub.Server.Common;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Reconciliation;

/// <summary>
/// The one way a chunk of subjects is decided — by a run's chunk and by a follow-up round alike: under the programme's
/// gate (<see cref="IRunProgramme.EnterAsync"/>), in one writer transaction that first locks the chunk's subjects
/// (<see cref="LockScope.Subject"/>: other replicas' steps on them wait), so a decision never exists without its events;
/// the relay is woken once the transaction has committed.
/// </summary>
public sealed class ChunkTransaction(HubDatabase database, IRunProgramme programme, OutboxSignal outboxSignal)
{
    public async Task<T> RunAsync<T>(IReadOnlyList<string> subjects, Func<WriterLease, Task<T>> decide, CancellationToken ct)
    {
        T result;
        using (await programme.EnterAsync(ct))
        await using (var lease = await database.AcquireWriterAsync(ct))
        {
            await lease.BeginAsync(ct);
            await lease.LockAsync(LockScope.Subject, subjects, ct);
            result = await decide(lease);
            await lease.CommitAsync(ct);
        }
        outboxSignal.Notify();
        return result;
    }
}
