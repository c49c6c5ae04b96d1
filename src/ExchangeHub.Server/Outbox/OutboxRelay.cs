using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Moves events from <c>outbox_messages</c> to the broker. Each round reads the oldest unsent rows (in sequence order),
/// publishes them (rows of one subject one after another, different subjects concurrently), waits for every confirm,
/// then marks the confirmed rows sent in one short transaction. A subject stops at its first failed publish, so its
/// later events never overtake it; the round then backs off and the next one starts again from the oldest unsent row.
/// Nothing is deleted and nothing is marked sent that the broker did not confirm: delivery is at least once. Several
/// replicas on PostgreSQL relay side by side: each round claims its rows (<see cref="OutboxStore.ClaimAsync"/>).
/// A row that fails <see cref="MessagingOptions.ParkAfterAttempts"/> times, or cannot be published at all, is parked:
/// the relay stops trying it and its subject waits behind it until an operator retries or releases it.
/// </summary>
public sealed class OutboxRelay(
    OutboxStore store,
    OutboxPublisher publisher,
    OutboxSignal signal,
    Telemetry.HubMetrics metrics,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            OutboxLog.Disabled(logger);
            return;
        }
        var uri = _options.RabbitMqUri;
        OutboxLog.Started(logger, $"{uri.Host}:{uri.Port}{uri.AbsolutePath}", _options.BatchSize, _options.MaxConcurrentSubjects,
            _options.PublishTimeout);

        var failedRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            OutboxRound round;
            try
            {
                round = await RelayOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database, not the broker, failed (the broker's failures are counted in the round).
                var delay = _options.RetryDelay(++failedRounds);
                OutboxLog.RoundError(logger, ex, delay);
                if (!await PauseAsync(delay, stoppingToken))
                {
                    return;
                }
                continue;
            }

            if (round.Failed > 0)
            {
                var delay = _options.RetryDelay(++failedRounds);
                OutboxLog.RoundFailed(logger, round.Failed, round.Read, round.FirstError ?? "", round.Confirmed, delay);
                if (!await PauseAsync(delay, stoppingToken))
                {
                    return;
                }
                continue;
            }
            if (failedRounds > 0)
            {
                OutboxLog.Recovered(logger, failedRounds);
                failedRounds = 0;
            }
            if (round.Read < _options.BatchSize)
            {
                // Drained: sleep until a writer signals or the poll interval passes.
                try
                {
                    await signal.WaitAsync(_options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One round: reads up to <see cref="MessagingOptions.BatchSize"/> unsent rows, publishes them and records the
    /// outcome. Confirmed rows are marked even when the round is cancelled or partly failed.
    /// </summary>
    public async Task<OutboxRound> RelayOnceAsync(CancellationToken ct)
    {
        await using var claim = await store.ClaimAsync(_options.BatchSize, ct);
        var rows = claim.Rows;
        if (rows.Count == 0)
        {
            return OutboxRound.Empty;
        }

        var confirmed = new ConcurrentQueue<long>();
        var failures = new ConcurrentQueue<PublishFailure>();
        var stop = 0;
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentSubjects), CancellationToken = ct };
            await Parallel.ForEachAsync(BySubject(rows), parallel, async (subjectRows, token) =>
            {
                foreach (var row in subjectRows)
                {
                    // After any failure the broker is probably away: start nothing new, retry the whole window later.
                    if (Volatile.Read(ref stop) != 0)
                    {
                        return;
                    }
                    try
                    {
                        await publisher.PublishAsync(row, token);
                        confirmed.Enqueue(row.Sequence);
                        metrics.Published(EventTypes.Label(row.MessageType));
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (PoisonMessageException ex)
                    {
                        // The row, not the broker, is at fault: park it, hold only its subject, and carry on with the rest.
                        failures.Enqueue(new PublishFailure(row.Sequence, $"{ex.GetType().Name}: {ex.Message}", Poison: true));
                        metrics.PublishFailed(EventTypes.Label(row.MessageType));
                        OutboxLog.Parked(logger, row.Sequence, row.SubjectKey, ex.Message);
                        return;
                    }
                    catch (Exception ex)
                    {
                        failures.Enqueue(new PublishFailure(row.Sequence, $"{ex.GetType().Name}: {ex.Message}"));
                        metrics.PublishFailed(EventTypes.Label(row.MessageType));
                        Interlocked.Exchange(ref stop, 1);
                        return; // this subject's later rows wait for the next round, behind the failed one
                    }
                }
            });
        }
        finally
        {
            // Shutting down or not: what the broker confirmed is marked now, so it is not sent twice without need.
            await claim.CompleteAsync(confirmed, failures, CancellationToken.None);
        }

        var first = failures.Where(f => !f.Poison).OrderBy(f => f.Sequence).FirstOrDefault();
        return new OutboxRound(rows.Count, confirmed.Count, failures.Count(f => !f.Poison),
            first is null ? null : $"sequence {first.Sequence}: {first.Error}");
    }

    /// <summary>The rows grouped by subject, each group in sequence order, groups in order of their oldest row.</summary>
    private static List<List<PendingMessage>> BySubject(IReadOnlyList<PendingMessage> rows)
    {
        var groups = new List<List<PendingMessage>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!index.TryGetValue(row.SubjectKey, out var i))
            {
                i = groups.Count;
                index[row.SubjectKey] = i;
                groups.Add([]);
            }
            groups[i].Add(row);
        }
        return groups;
    }

    private async Task<bool> PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, clock, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
