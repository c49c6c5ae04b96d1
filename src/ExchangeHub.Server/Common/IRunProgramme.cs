using ExchangeHub.Server.Facts;
using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Common;

/// <summary>
/// The programme a reconciliation run decides, named here so the run (reading facts, chunking, locking, exceptions,
/// closing the run) needs none of the programme's types and the programme none of the run's. The refund programme
/// implements it and registers itself.
/// </summary>
public interface IRunProgramme
{
    /// <summary>
    /// What a run dated <paramref name="decisionDate"/> decides: the year whose window contains it, or, when
    /// <paramref name="programYear"/> (0: not asked) names a year whose window has ended by then or none is open, a
    /// settlement-only run of that (or the latest ended) year. Refuses when there is nothing to decide.
    /// </summary>
    RunScope ScopeAt(DateOnly decisionDate, int programYear);

    /// <summary>
    /// Enters the programme's in-process gate (its steps read and then write a unit's case); the run enters it for each
    /// chunk before it takes the writer lease, as every other step of the programme does.
    /// </summary>
    Task<IDisposable> EnterAsync(CancellationToken ct);

    /// <summary>
    /// Decides the chunk's units (<see cref="StoredFacts.Subjects"/>, read as of <paramref name="asOf"/>) inside the
    /// lease's open transaction (the run has locked them): stores what is new or changed with its events, and with D and
    /// T ("FACTS"); a unit whose refund is already approved is decided at its own frozen decision date instead. One outcome
    /// per unit, in order.
    /// </summary>
    Task<IReadOnlyList<RunUnitOutcome>> DecideChunkAsync(WriterLease lease, string runId, int programYear, StoredFacts chunk,
        FactsAsOf asOf, CancellationToken ct);

    /// <summary>The units a settlement-only run of <paramref name="programYear"/> decides (its approved cases), in a stable order.</summary>
    Task<IReadOnlyList<string>> SettlementUnitsAsync(int programYear, CancellationToken ct);

    /// <summary>
    /// Settles <paramref name="units"/> (approved cases, locked by the run) inside the lease's open transaction: each is
    /// re-decided at its own frozen decision date with the knowledge of <paramref name="knowledgeTimeUnixMs"/>.
    /// </summary>
    Task<IReadOnlyList<RunUnitOutcome>> SettleChunkAsync(WriterLease lease, string runId, int programYear, IReadOnlyList<string> units,
        long knowledgeTimeUnixMs, CancellationToken ct);
}
