namespace ExchangeHub.Server.Outbox;

/// <summary>The relay's log lines (source-generated, so a disabled level costs nothing).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(1, LogLevel.Information, "Outbox relay disabled (Hub:Messaging:Enabled = false): events stay in the outbox")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Outbox relay publishing to {Host} (batch {BatchSize}, {Concurrency} subjects at once, publish timeout {Timeout})")]
    public static partial void Started(ILogger logger, string host, int batchSize, int concurrency, TimeSpan timeout);

    [LoggerMessage(3, LogLevel.Warning, "Outbox relay: {Failed} of {Read} events not confirmed (first: {Error}); {Confirmed} confirmed; retrying from the oldest unsent event in {Delay}")]
    public static partial void RoundFailed(ILogger logger, int failed, int read, string error, int confirmed, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Error, "Outbox relay round failed; retrying in {Delay}")]
    public static partial void RoundError(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Information, "Outbox relay recovered after {FailedRounds} failed rounds")]
    public static partial void Recovered(ILogger logger, int failedRounds);

    [LoggerMessage(6, LogLevel.Error, "Outbox relay parked event {Sequence} of subject {SubjectKey}: it cannot be published ({Error}); the subject waits for exchangehub outbox retry or release")]
    public static partial void Parked(ILogger logger, long sequence, string subjectKey, string error);
}
