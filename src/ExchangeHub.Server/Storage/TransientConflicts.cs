using Npgsql;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// PostgreSQL's answers that mean "try the same transaction again": a deadlock (40P01) or a serialization failure
/// (40001) between replicas. The transaction was rolled back whole, so running it again is safe; the hub does it itself,
/// a bounded number of times with growing, jittered delays, and never hands such an error to the client (issue 13).
/// </summary>
public static class TransientConflicts
{
    /// <summary>Attempts in all, the first included; the last attempt's error propagates.</summary>
    public const int MaxAttempts = 6;

    public static bool IsRetryable(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: 10–30 ms doubled per attempt, so two replicas drift apart.</summary>
    public static TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromMilliseconds((10 + Random.Shared.Next(21)) * (1 << Math.Min(attempt - 1, 6)));

    /// <summary>Runs <paramref name="transaction"/> (one whole transaction, its own lease) until it is not rolled back by a conflict.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> transaction, ILogger logger, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsRetryable(ex))
            {
                var delay = DelayAfter(attempt);
                logger.LogWarning("{What}: {SqlState} on attempt {Attempt}; running it again in {DelayMs} ms",
                    what, ((PostgresException)ex).SqlState, attempt, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, ct);
            }
        }
    }
}
