namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>The results of one <c>relay</c> run (also written as JSON).</summary>
internal sealed record RelayReport(
    DateTimeOffset StartedAt,
    int Events,
    int Subjects,
    int PayloadBytesAverage,
    double RelaySeconds,
    double RelayEventsPerSecond,
    long RelayQueued,
    double BaselineSeconds,
    double BaselineMessagesPerSecond,
    long BaselineQueued,
    string BaselineBest,
    IReadOnlyList<BaselineWindowRun> BaselineRuns,
    double BaselineBareMessagesPerSecond,
    double HubStartSeconds,
    double Ratio,
    double RatioGoal,
    bool RatioPass,
    string RelaySettings,
    string RabbitMq,
    double MassTransitOnlyEventsPerSecond,
    RelayLatency? Latency,
    MachineInfo Machine);

/// <summary>One run of the baseline publisher: how it handled confirms, its window, its rate.</summary>
internal sealed record BaselineWindowRun(string Mode, int Window, double Seconds, double MessagesPerSecond);

/// <summary>
/// Commit-to-receipt latency at a steady rate: events committed to the outbox one transaction each, the time from
/// commit until a consumer of <c>exchangehub.v1.events</c> received the event (after the broker confirmed it).
/// </summary>
internal sealed record RelayLatency(int RatePerSecond, int Events, double P50Ms, double P99Ms, double MaxMs, double GoalP99Ms, bool Pass);
