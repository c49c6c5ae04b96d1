namespace ExchangeHub.Contracts.Refunds;

/// <summary>
/// 2.(1) 多退少补: the official size class changed the rate of a refund already approved. A positive
/// <see cref="DifferenceFen"/> is paid to the unit, a negative one recovered from it.
/// </summary>
public sealed record RefundAdjusted : RefundWorkflowEvent
{
    /// <summary>What was approved, in fen.</summary>
    public required long PaidFen { get; init; }

    /// <summary>What is due under the official size class, in fen.</summary>
    public required long DueFen { get; init; }

    /// <summary>DueFen − PaidFen: positive pay the rest, negative recover.</summary>
    public required long DifferenceFen { get; init; }

    /// <summary>The official size class.</summary>
    public required string OfficialSizeClass { get; init; }
}
