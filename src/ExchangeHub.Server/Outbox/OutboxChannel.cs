using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The relay's own RabbitMQ.Client channel for the direct publish (<see cref="MessagingOptions.DirectPublish"/>): tracked
/// publisher confirms with a window of <see cref="MessagingOptions.MaxConcurrentSubjects"/> outstanding, held by a plain
/// concurrency limiter (the client's default, a <c>ThrottlingRateLimiter</c> of 128, makes every publish wait 0.5–1 s
/// once half its permits are held, and a permit is held until the confirm). Connected at the first publish and again
/// after the broker closed it (no automatic recovery: a publish on a dead channel fails at once, the relay backs off and
/// the next round connects anew), so the hub starts and serves feeds while RabbitMQ is down. With
/// <see cref="MessagingOptions.Pipelined"/> the channel's confirms are not tracked: <see cref="PipelinedRelay"/> counts them.
/// </summary>
public sealed class OutboxChannel(IOptions<MessagingOptions> options) : IAsyncDisposable
{
    private readonly MessagingOptions _options = options.Value;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>An open channel, connecting first when there is none (or the broker closed the last one).</summary>
    public async ValueTask<IChannel> OpenAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _channel) is { IsOpen: true } open)
        {
            return open;
        }
        await _opening.WaitAsync(ct);
        try
        {
            if (_channel is { IsOpen: true } opened)
            {
                return opened;
            }
            await CloseAsync();
            var factory = new ConnectionFactory
            {
                Uri = _options.RabbitMqUri,
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "exchangehub-outbox-relay",
            };
            _connection = await factory.CreateConnectionAsync(ct);
            // The pipelined relay counts confirms itself (tracking off: no limiter, no task per publish).
            var tracked = !_options.PipelinedLoop;
            var limiter = tracked
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, _options.MaxConcurrentSubjects), QueueLimit = int.MaxValue })
                : null;
            var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: tracked,
                outstandingPublisherConfirmationsRateLimiter: limiter), ct);
            Volatile.Write(ref _channel, channel);
            return channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>
    /// Gives up <paramref name="channel"/> after a publish on it timed out: a channel the broker no longer serves can look
    /// open until the heartbeat notices (RabbitMQ.Client 7 can also leave confirms pending after a broker restart), so the
    /// next publish connects anew instead of waiting on it again.
    /// </summary>
    public async Task AbandonAsync(IChannel channel)
    {
        await _opening.WaitAsync(CancellationToken.None);
        try
        {
            if (ReferenceEquals(_channel, channel))
            {
                await CloseAsync();
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _opening.Dispose();
    }

    private async Task CloseAsync()
    {
        var channel = Interlocked.Exchange(ref _channel, null);
        var connection = Interlocked.Exchange(ref _connection, null);
        try
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException
            or IOException or ObjectDisposedException)
        {
            // The broker already dropped them: nothing left to close.
        }
    }
}
