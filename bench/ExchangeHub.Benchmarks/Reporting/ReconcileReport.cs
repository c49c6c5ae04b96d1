namespace ExchangeHub.Benchmarks.Reporting;

/// <summary>The results of one <c>reconcile</c> run (also written as JSON).</summary>
internal sealed record ReconcileReport(
    DateTimeOffset StartedAt,
    long Lines,
    int Units,
    int Persons,
    long Settlements,
    int UnitsWithArrears,
    int UnitsWithDeferral,
    string DecisionDate,
    ReconcilePushes Pushes,
    double HubSeconds,
    ReconcilePhases HubPhasesSeenByClient,
    ReconcileRunSummary Run,
    double HubPeakRssDuringRunMiB,
    double HubPeakRssSinceStartMiB,
    double Sqlite3ColdSeconds,
    double Sqlite3Seconds,
    long Sqlite3Groups,
    string Sqlite3Command,
    string Sql,
    double Ratio,
    double RatioGoal,
    bool RatioPass,
    IReadOnlyList<ReconcileProfileStep>? Profile,
    MachineInfo Machine);

/// <summary>The untimed pushes that fill the hub before the run.</summary>
internal sealed record ReconcilePushes(double UnitsSeconds, double LinesSeconds, double SettlementsSeconds, int BatchSize);

/// <summary>
/// The run split by its progress messages: facts read until the first (done 0), units decided and committed until
/// the last (done = total), then rate check, exceptions and completion until the final message.
/// </summary>
internal sealed record ReconcilePhases(double? FactsReadSeconds, double? UnitsSeconds, double? FinishSeconds, int ProgressMessages);

/// <summary>The run as the hub reported it in the final message.</summary>
internal sealed record ReconcileRunSummary(
    string RunId,
    string Status,
    int Units,
    int Decided,
    int Unchanged,
    int Eligible,
    int Ineligible,
    int Held,
    int Undetermined,
    int Exceptions,
    long AmountFen,
    string Policy);

/// <summary>One step timed alone by <c>--profile</c>.</summary>
internal sealed record ReconcileProfileStep(string Step, double Seconds, string Note);
