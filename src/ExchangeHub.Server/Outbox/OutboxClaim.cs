using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The rows a relay round publishes (<see cref="OutboxStore.ClaimAsync"/>). <see cref="CompleteAsync"/> records what the
/// broker confirmed and what failed; disposing a claim that was not completed gives its rows back untouched.
/// </summary>
public sealed class OutboxClaim(
    IReadOnlyList<PendingMessage> rows,
    Func<IReadOnlyCollection<long>, IReadOnlyCollection<PublishFailure>, CancellationToken, Task> record,
    WriterLease? lease) : IAsyncDisposable
{
    public IReadOnlyList<PendingMessage> Rows { get; } = rows;

    public Task CompleteAsync(IReadOnlyCollection<long> confirmed, IReadOnlyCollection<PublishFailure> failures, CancellationToken ct) =>
        record(confirmed, failures, ct);

    public ValueTask DisposeAsync() => lease?.DisposeAsync() ?? ValueTask.CompletedTask;
}
