using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>
/// 2.(1) 多退少补, "Decision (settlement)": a refund already approved was decided again at its frozen decision date
/// <see cref="DecisionDate"/> with newer knowledge, and the amount due changed. A positive <see cref="DifferenceFen"/>
/// is paid to the unit, a negative one recovered from it. <see cref="ReasonCode"/> names the fact that changed
/// (REFUND_SETTLED_SIZE_CLASS, REFUND_SETTLED_BASE_CORRECTED, REFUND_SETTLED_ELIGIBILITY_CORRECTED) and
/// <see cref="ClauseId"/> its clause; <see cref="RefundWorkflowEvent.DecisionId"/> is the new decision,
/// <see cref="SupersedesDecisionId"/> the one it replaces.
/// </summary>
[MessageUrn("exchangehub.v1:RefundAdjusted")]
[EntityName("exchangehub.v1.refund-adjusted")]
public sealed record RefundAdjusted : RefundWorkflowEvent
{
    /// <summary>What was approved (as adjusted by earlier settlements), in fen.</summary>
    public required long PaidFen { get; init; }

    /// <summary>What is due under the new decision, in fen.</summary>
    public required long DueFen { get; init; }

    /// <summary>DueFen − PaidFen: positive pay the rest, negative recover.</summary>
    public required long DifferenceFen { get; init; }

    /// <summary>The OFFICIAL size class the due amount uses; empty while the class is still PROVISIONAL.</summary>
    [AllowedValues("", "LARGE", "MEDIUM", "SMALL", "MICRO")]
    public required string OfficialSizeClass { get; init; }

    /// <summary>Why: the reason code of the fact that changed (REFUND_SETTLED_*).</summary>
    public string ReasonCode { get; init; } = "";

    /// <summary>The clause of the notice that fact belongs to, e.g. "2.(1)" (size class) or "1.(2)" (base, eligibility).</summary>
    public string ClauseId { get; init; } = "";

    /// <summary>The decision the settlement replaces (the one paid on).</summary>
    public long? SupersedesDecisionId { get; init; }

    /// <summary>The size class the due amount uses (LARGE, MEDIUM, SMALL, MICRO), whatever its source.</summary>
    [AllowedValues("", "LARGE", "MEDIUM", "SMALL", "MICRO")]
    public string SizeClass { get; init; } = "";

    /// <summary>PROVISIONAL or OFFICIAL: where <see cref="SizeClass"/> came from.</summary>
    [AllowedValues("", "PROVISIONAL", "OFFICIAL")]
    public string SizeClassSource { get; init; } = "";

    /// <summary>The refund's frozen decision date D: the facts in force on it decide, facts dated later never do.</summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>The settlement rule checked, with its inputs (paid and new rate, base and size class).</summary>
    public IReadOnlyList<RuleOutcome> Explanation { get; init; } = [];
}
