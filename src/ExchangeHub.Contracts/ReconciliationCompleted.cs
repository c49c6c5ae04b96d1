using MassTransit;

namespace ExchangeHub.Contracts;

/// <summary>A reconciliation run finished: how many subjects it decided and how. <see cref="HubEvent.SubjectKey"/> is the run id.</summary>
[MessageUrn("exchangehub.v1:ReconciliationCompleted")]
[EntityName("exchangehub.v1.reconciliation-completed")]
public sealed record ReconciliationCompleted : HubEvent
{
    /// <summary>Program year reconciled.</summary>
    public required int ProgramYear { get; init; }

    /// <summary>Units considered.</summary>
    public required int Units { get; init; }

    /// <summary>Units whose decision is new or changed in this run.</summary>
    public required int Decided { get; init; }

    /// <summary>Units whose facts and policy were unchanged: their decision stands.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Decisions by outcome in this run (ELIGIBLE, INELIGIBLE, HELD, UNDETERMINED).</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>Reconciliation exceptions raised, by code.</summary>
    public required IReadOnlyDictionary<string, int> Exceptions { get; init; }

    /// <summary>Sum of the refunds this run offered (ELIGIBLE, not labour-dispatch), in fen.</summary>
    public required long OfferedAmountFen { get; init; }

    /// <summary>Sum of the refunds this run held (HELD: what each would be once its deferred premiums are paid), in fen.</summary>
    public required long HeldAmountFen { get; init; }

    /// <summary>Sum of the refunds of ELIGIBLE labour-dispatch units, never offered automatically: they may apply (2.(1)), in fen.</summary>
    public required long AwaitingApplicationAmountFen { get; init; }
}
