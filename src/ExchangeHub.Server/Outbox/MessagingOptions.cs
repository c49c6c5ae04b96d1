namespace ExchangeHub.Server.Outbox;

/// <summary>
/// <c>Hub:Messaging</c>: the broker the outbox relay publishes to, and how the relay paces itself. The defaults suit
/// one hub next to one RabbitMQ node; every value can be set in configuration.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Hub:Messaging";

    /// <summary>False: the relay does not run and events accumulate in the outbox (tests without a broker).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The RabbitMQ node, as an AMQP URI with credentials and virtual host.</summary>
    public Uri RabbitMqUri { get; set; } = new("amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>Unsent rows read per round, oldest first.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>Subjects published at once within a round; each subject's rows still go one after another.</summary>
    public int MaxConcurrentSubjects { get; set; } = 512;

    /// <summary>
    /// Rounds the relay keeps in flight at once (1: one round at a time). A round waits for its slowest confirm before it
    /// records its rows; the next rounds read and publish meanwhile, leaving out the rows and subjects earlier rounds
    /// still hold, so a subject's rows still go one after another.
    /// </summary>
    public int MaxRoundsInFlight { get; set; } = 3;

    /// <summary>
    /// True: the relay publishes MassTransit's envelope on its own RabbitMQ.Client channel, with the same exchange,
    /// properties and headers as MassTransit (<see cref="OutboxPublisher"/>; the wire format and a MassTransit consumer
    /// are tested). False: through MassTransit's <c>Publish</c>. Unset (default): as <see cref="Pipelined"/> — the
    /// pipelined relay needs it, the rounds relay publishes through MassTransit. Either way MassTransit declares the
    /// exchanges. Resolved at start (<see cref="Resolve"/>): read it as <see cref="Direct"/>.
    /// </summary>
    public bool? DirectPublish { get; set; }

    /// <summary>
    /// True (with the direct path, on SQLite): the relay runs as one loop over one channel, like a plain client
    /// publisher (<see cref="PipelinedRelay"/>): confirms counted by hand, <see cref="PipelineWindow"/> of them
    /// outstanding, confirmed rows marked in batches. False: rounds (<see cref="OutboxRelay"/>). Unset (default): the
    /// pipelined relay on SQLite unless <see cref="DirectPublish"/> is false (issue 14 item 5: 0.72–0.85 of the best
    /// plain publisher in full bench runs against ~0.63 for rounds; README "Benchmarks"), rounds on PostgreSQL, where replicas must claim rows and only the
    /// rounds relay does (the hub refuses an explicit true there). Read it as <see cref="PipelinedLoop"/>.
    /// </summary>
    public bool? Pipelined { get; set; }

    /// <summary>Whether the relay runs the pipelined loop (after <see cref="Resolve"/>).</summary>
    public bool PipelinedLoop => Pipelined == true;

    /// <summary>Whether rows are published on the relay's own channel rather than through MassTransit (after <see cref="Resolve"/>).</summary>
    public bool Direct => DirectPublish == true;

    /// <summary>Fills the unset relay switches for <paramref name="sqlite"/> storage (the defaults above); explicit values stay.</summary>
    public void Resolve(bool sqlite)
    {
        Pipelined ??= sqlite && DirectPublish != false;
        DirectPublish ??= Pipelined;
    }

    /// <summary>Publishes the pipelined relay keeps unconfirmed at once (the baseline publisher's window).</summary>
    public int PipelineWindow { get; set; } = 1024;

    /// <summary>Longest wait for the broker's confirm of one publish; after it the publish counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the relay looks for new rows when nobody signalled (<see cref="OutboxSignal"/>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First pause after a failed round; it doubles on each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest pause between failed rounds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>outbox</c> health check reports Degraded when the oldest unsent row is older than this.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed publish attempts after which a row is parked (0: never by count). A payload that cannot be published at all
    /// is parked at its first attempt. A parked row's subject waits, so per-subject order holds; <c>exchangehub outbox</c>
    /// retries or releases it.
    /// </summary>
    public int ParkAfterAttempts { get; set; } = 10;

    /// <summary>The pause after <paramref name="failedRounds"/> failed rounds in a row: doubling from the initial delay, capped.</summary>
    public TimeSpan RetryDelay(int failedRounds)
    {
        var delay = InitialRetryDelay;
        for (var i = 1; i < failedRounds && delay < MaxRetryDelay; i++)
        {
            delay *= 2;
        }
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
