namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>The results of one <c>growth</c> run (also written as JSON).</summary>
internal sealed record GrowthReport(
    DateTimeOffset StartedAt,
    long Lines,
    int Units,
    int Persons,
    int BatchSize,
    IReadOnlyList<GrowthSlice> Slices,
    double FirstSliceRowsPerSecond,
    double LastSliceRowsPerSecond,
    /// <summary>The slowest of slices 2..N over slice 1.</summary>
    double Ratio,
    double RatioGoal,
    bool RatioPass,
    double HubPeakRssMiB,
    double PeakRssGoalMiB,
    bool PeakRssPass,
    int RssSamples,
    long DatabaseBytes,
    MachineInfo Machine);

/// <summary>One PushContributions call of the growth run: its lines, time, rate and the highest RSS sampled during it.</summary>
internal sealed record GrowthSlice(int Index, long FirstLine, long Lines, long StoredBefore, double Seconds, double RowsPerSecond, double PeakRssSampledMiB);
