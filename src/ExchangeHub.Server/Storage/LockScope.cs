namespace ExchangeHub.Server.Storage;

/// <summary>
/// The namespaces of <see cref="ClusterLocks"/> (the first key of PostgreSQL's two-key advisory locks; the audit
/// chain's single-key lock lives in another key space).
/// </summary>
public enum LockScope
{
    /// <summary>A decision subject (a unit's USCC, a person's key): decided by one replica at a time.</summary>
    Subject = 0x45480001,

    /// <summary>A workflow that runs one at a time in the whole cluster (<see cref="ClusterMutex"/>): reconciliation runs, benefit, transfer and skill decisions.</summary>
    Workflow = 0x45480002,

    /// <summary>A periodic check (reminders, overdue claims, transfer deadlines): run by one replica at a time.</summary>
    PeriodicCheck = 0x45480003,

    /// <summary>New transfer cases, serialised so that their ids (WatchTransferUpdates cursors) are committed in order.</summary>
    TransferCases = 0x45480004,

    /// <summary>A client's request id on a mutating call (Common/Retries): run by one call at a time in the cluster.</summary>
    RequestId = 0x45480005,

    /// <summary>
    /// Feed records of one table and agency, by bucket of source record ids (Feeds/FeedRecordWriter): two replicas
    /// writing the same source id take turns, so each outcome is the single writer's.
    /// </summary>
    FeedRecords = 0x45480006,
}
