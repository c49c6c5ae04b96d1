using ExchangeHub.Benchmarks.Ingest;

namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>A retry of the whole stream after it was stored (issue 13): its rate and its ratio to the same run's first send.</summary>
internal sealed record RetryReport(double Seconds, double RowsPerSecond, double RatioToFirstSend, double RatioGoal, bool RatioPass)
{
    /// <summary>Retry rows/s at least half the first send's: a client's retry finishes within about twice the first deadline.</summary>
    public const double Goal = 0.5;

    public static RetryReport Of(PushResult first, PushResult retry)
    {
        var rate = retry.LinesSent / retry.Elapsed.TotalSeconds;
        var ratio = rate / (first.LinesSent / first.Elapsed.TotalSeconds);
        return new RetryReport(Math.Round(retry.Elapsed.TotalSeconds, 3), Math.Round(rate), Math.Round(ratio, 3), Goal, ratio >= Goal);
    }
}
