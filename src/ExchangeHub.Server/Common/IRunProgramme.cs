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
    /// <summary>The program year whose window contains <paramref name="decisionDate"/>; refuses when none is open.</summary>
    int ProgramYearAt(DateOnly decisionDate);

    /// <summary>
    /// Enters the programme's in-process gate (its steps read and then write a unit's case); the run enters it for each
    /// chunk before it takes the writer lease, as every other step of the programme does.
    /// </summary>
    Task<IDisposable> EnterAsync(CancellationToken ct);

    /// <summary>
    /// Decides the chunk's units (<see cref="StoredFacts.Subjects"/>, read as of <paramref name="asOf"/>) inside the
    /// lease's open transaction (the run has locked them): stores what is new or changed with its events, and with D and
    /// T ("FACTS"). One outcome per unit, in order.
    /// </summary>
    Task<IReadOnlyList<RunUnitOutcome>> DecideChunkAsync(WriterLease lease, string runId, int programYear, StoredFacts chunk,
        FactsAsOf asOf, DateOnly today, CancellationToken ct);
}
