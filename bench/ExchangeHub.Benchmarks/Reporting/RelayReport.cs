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
    int BaselineBatch,
    double Ratio,
    double RatioGoal,
    bool RatioPass,
    string RelaySettings,
    string RabbitMq,
    MachineInfo Machine);
