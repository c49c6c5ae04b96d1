using System.Diagnostics;
using System.Globalization;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Security;

/// <summary>
/// A client stream with <c>Hub:Limits:StreamIdleTimeout</c> between two whole messages and
/// <c>Hub:Limits:MaxStreamDuration</c> over all of them. Both run on the wall clock (a network timeout, never the hub's
/// business clock, which tests may stop). A read that runs out ends the call DEADLINE_EXCEEDED with an ErrorInfo; the
/// batches read before were handled and stay stored.
/// </summary>
public sealed class LimitedStreamReader<T>(IAsyncStreamReader<T> inner, LimitsOptions limits) : IAsyncStreamReader<T>
{
    public const string IdleReason = "STREAM_IDLE_TIMEOUT";
    public const string DurationReason = "STREAM_DURATION_EXCEEDED";

    private readonly long _opened = Stopwatch.GetTimestamp();

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var left = limits.MaxStreamDuration - Stopwatch.GetElapsedTime(_opened);
        if (left <= TimeSpan.Zero)
        {
            throw DurationExceeded();
        }
        var durationFirst = left < limits.StreamIdleTimeout;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(durationFirst ? left : limits.StreamIdleTimeout);
        try
        {
            return await inner.MoveNext(timer.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException
            && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw durationFirst ? DurationExceeded() : IdleTimeout();
        }
    }

    private RpcException IdleTimeout() => RpcErrors.LimitReached(Code.DeadlineExceeded,
        $"no message arrived for {Seconds(limits.StreamIdleTimeout)} s (Hub:Limits:StreamIdleTimeout); the batches before it are stored",
        IdleReason, ("limit", "Hub:Limits:StreamIdleTimeout"), ("timeout_seconds", Seconds(limits.StreamIdleTimeout)));

    private RpcException DurationExceeded() => RpcErrors.LimitReached(Code.DeadlineExceeded,
        $"the stream was open longer than {Seconds(limits.MaxStreamDuration)} s (Hub:Limits:MaxStreamDuration); the batches before it are stored, send the rest in a new call",
        DurationReason, ("limit", "Hub:Limits:MaxStreamDuration"), ("timeout_seconds", Seconds(limits.MaxStreamDuration)));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
