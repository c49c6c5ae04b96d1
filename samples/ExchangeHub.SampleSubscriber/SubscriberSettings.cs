namespace ExchangeHub.SampleSubscriber;

/// <summary>
/// Where the subscriber connects and which queue it reads, from environment variables (a container's usual
/// configuration). Defaults suit a broker on the local machine.
/// </summary>
public sealed record SubscriberSettings
{
    public string Host { get; init; } = "127.0.0.1";
    public ushort Port { get; init; } = 5672;
    public string VirtualHost { get; init; } = "/";
    public string User { get; init; } = "guest";
    public string Password { get; init; } = "guest";

    /// <summary>The subscriber's own queue: one per subscribing service, shared by its instances.</summary>
    public string Queue { get; init; } = "exchangehub-sample-subscriber";

    /// <summary>Queue TTL (x-expires) for throw-away subscribers such as tests; null keeps the queue until deleted.</summary>
    public TimeSpan? QueueExpires { get; init; }

    /// <summary>Reads RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_VHOST, RABBITMQ_USER, RABBITMQ_PASS, SUBSCRIBER_QUEUE, SUBSCRIBER_QUEUE_EXPIRES_SECONDS.</summary>
    public static SubscriberSettings FromEnvironment(Func<string, string?> read)
    {
        var defaults = new SubscriberSettings();
        string Text(string name, string fallback) => read(name) is { Length: > 0 } value ? value : fallback;
        return new SubscriberSettings
        {
            Host = Text("RABBITMQ_HOST", defaults.Host),
            Port = ushort.Parse(Text("RABBITMQ_PORT", "5672"), System.Globalization.CultureInfo.InvariantCulture),
            VirtualHost = Text("RABBITMQ_VHOST", defaults.VirtualHost),
            User = Text("RABBITMQ_USER", defaults.User),
            Password = Text("RABBITMQ_PASS", defaults.Password),
            Queue = Text("SUBSCRIBER_QUEUE", defaults.Queue),
            QueueExpires = read("SUBSCRIBER_QUEUE_EXPIRES_SECONDS") is { Length: > 0 } seconds
                ? TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
                : null,
        };
    }
}
