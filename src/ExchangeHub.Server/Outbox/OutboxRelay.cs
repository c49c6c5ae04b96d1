using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Moves events from <c>outbox_messages</c> to the broker. Each round reads the oldest unsent rows (in sequence order),
/// publishes them (rows of one subject one after another, different subjects concurrently), waits for every confirm,
/// then marks the confirmed rows sent in one short transaction. Up to <see cref="MessagingOptions.MaxRoundsInFlight"/>
/// rounds overlap, so no round's slowest confirm stalls the relay: a new round leaves out the rows earlier rounds hold
/// and every row of their subjects (<see cref="RoundWindow"/>). A subject stops at its first failed publish, so its
/// later events never overtake it; the relay then lets the running rounds finish, backs off, and starts again from the
/// oldest unsent row.
/// Nothing is deleted and nothing is marked sent that the broker did not confirm: delivery is at least once. Several
/// replicas on PostgreSQL relay side by side: each round claims its rows (<see cref="OutboxStore.ClaimAsync"/>).
/// A row that fails <see cref="MessagingOptions.ParkAfterAttempts"/> times, or cannot be published at all, is parked:
/// the relay stops trying it and its subject waits behind it until an operator retries or releases it.
/// With <see cref="MessagingOptions.Pipelined"/> the relay runs <see cref="PipelinedRelay"/> instead of rounds.
/// </summary>
public sealed class OutboxRelay(
    OutboxStore store,
    OutboxPublisher publisher,
    OutboxSignal signal,
    PipelinedRelay pipelined,
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

        await publisher.WarmUpAsync(stoppingToken);
        if (_options.PipelinedLoop)
        {
            // One loop on one channel instead of rounds (the SQLite default; the options refuse it without the direct path or on PostgreSQL).
            await pipelined.RunAsync(stoppingToken);
            return;
        }
        var window = new RoundWindow();
        try
        {
            await RelayAsync(window, stoppingToken);
        }
        finally
        {
            // Shutting down: every running round records what the broker confirmed before the relay stops.
            await window.DrainAsync();
        }
    }

    /// <summary>
    /// Keeps up to <see cref="MessagingOptions.MaxRoundsInFlight"/> rounds running while rows wait: a new round starts as
    /// soon as one finished. Once caught up, one round at a time, and a drained outbox waits for a writer's signal. A failed round stops the window: the
    /// others finish and record, then the relay backs off and starts again from the oldest unsent row.
    /// </summary>
    private async Task RelayAsync(RoundWindow window, CancellationToken stoppingToken)
    {
        var depth = Math.Max(1, _options.MaxRoundsInFlight);
        var failedRounds = 0;
        var drained = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Caught up (the last read found fewer rows than a round takes): let the running rounds finish before reading
            // again, so a trickle of rows goes out in rounds that grow with the wait, not in many rounds of one row each.
            if (window.Count < depth && !window.Stopped && !(drained && window.Count > 0))
            {
                int read;
                bool started;
                try
                {
                    (read, started) = await StartRoundAsync(window, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The database, not the broker, failed (the broker's failures are counted in the round).
                    await window.DrainAsync();
                    var delay = _options.RetryDelay(++failedRounds);
                    OutboxLog.RoundError(logger, ex, delay);
                    if (!await PauseAsync(delay, stoppingToken))
                    {
                        return;
                    }
                    continue;
                }
                drained = read < _options.BatchSize;
                if (started && !drained && window.Count < depth)
                {
                    continue; // more rows wait: start the next round at once
                }
            }

            if (window.Count == 0)
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
                continue;
            }

            var first = await Task.WhenAny(window.Tasks);
            var (round, error) = await window.CompleteAsync(first);
            if (error is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (error is not null || round!.Failed > 0)
            {
                // Start nothing new; the rounds still running finish (their subjects stop at their first failure).
                window.Stop();
                await window.DrainAsync();
                var delay = _options.RetryDelay(++failedRounds);
                if (error is not null)
                {
                    OutboxLog.RoundError(logger, error, delay);
                }
                else
                {
                    OutboxLog.RoundFailed(logger, round!.Failed, round.Read, round.FirstError ?? "", round.Confirmed, delay);
                }
                if (!await PauseAsync(delay, stoppingToken))
                {
                    return;
                }
                window.Restart();
                continue;
            }
            if (failedRounds > 0)
            {
                // A round started after the back-off went through.
                OutboxLog.Recovered(logger, failedRounds);
                failedRounds = 0;
            }
        }
    }

    /// <summary>
    /// Claims the next round's rows and starts publishing them: the oldest unsent rows that no running round holds, minus
    /// every row of a subject that a running round holds a row of (its next row waits until that one is recorded).
    /// Returns how many rows the claim read before leaving those out, and whether a round started.
    /// </summary>
    private async Task<(int Read, bool Started)> StartRoundAsync(RoundWindow window, CancellationToken ct)
    {
        var claim = await store.ClaimAsync(_options.BatchSize, window.HeldSequences, ct);
        var read = claim.Rows.Count;
        var rows = window.Free(claim.Rows);
        if (rows.Count == 0)
        {
            await claim.DisposeAsync();
            return (read, false);
        }
        window.Add(RelayRoundAsync(claim, rows, window, ct), rows);
        return (read, true);
    }

    /// <summary>
    /// One round, as the relay runs it alone: claims up to <see cref="MessagingOptions.BatchSize"/> unsent rows,
    /// publishes them and records the outcome. Confirmed rows are marked even when the round is cancelled or partly failed.
    /// </summary>
    public async Task<OutboxRound> RelayOnceAsync(CancellationToken ct)
    {
        var claim = await store.ClaimAsync(_options.BatchSize, ct);
        return claim.Rows.Count == 0 ? await Disposed(claim) : await RelayRoundAsync(claim, claim.Rows, new RoundWindow(), ct);

        static async Task<OutboxRound> Disposed(OutboxClaim claim)
        {
            await claim.DisposeAsync();
            return OutboxRound.Empty;
        }
    }

    /// <summary>Publishes <paramref name="rows"/> of <paramref name="claim"/>, records the outcome, releases the claim.</summary>
    private async Task<OutboxRound> RelayRoundAsync(OutboxClaim claim, IReadOnlyList<PendingMessage> rows, RoundWindow window, CancellationToken ct)
    {
        await using var _ = claim;
        // The caller's loop goes on while this round publishes.
        await Task.Yield();
        var confirmed = new ConcurrentQueue<long>();
        var failures = new ConcurrentQueue<PublishFailure>();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentSubjects), CancellationToken = ct };
            await Parallel.ForEachAsync(BySubject(rows), parallel, async (subjectRows, token) =>
            {
                foreach (var row in subjectRows)
                {
                    // After any failure (in any running round) the broker is probably away: start nothing new, retry later.
                    if (window.Stopped)
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
                        window.Stop();
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

    private Task<bool> PauseAsync(TimeSpan delay, CancellationToken ct) => PauseAsync(delay, clock, ct);

    /// <summary>The back-off between failed rounds (or pipelined sessions); false when the relay is stopping meanwhile.</summary>
    internal static async Task<bool> PauseAsync(TimeSpan delay, TimeProvider clock, CancellationToken ct)
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
