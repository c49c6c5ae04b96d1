using System.ComponentModel.DataAnnotations;
using MassTransit;

namespace ExchangeHub.Contracts.Refunds;

/// <summary>
/// 2.(1) 免申即享: the unit qualifies and is offered the refund without applying. It confirms or waives through the
/// front office; without an answer it is reminded (<see cref="RefundReminderDue"/>).
/// </summary>
[MessageUrn("exchangehub.v1:RefundOffered")]
[EntityName("exchangehub.v1.refund-offered")]
public sealed record RefundOffered : RefundDecisionEvent
{
    /// <summary>The refund, in fen (rate × base, half-up to the fen).</summary>
    public required long AmountFen { get; init; }

    /// <summary>The refund rate applied, as a fraction in canonical decimal text: <c>"0.6"</c> = 60%, <c>"0.3"</c> = 30%.</summary>
    public required string Rate { get; init; }

    /// <summary>The refund base in fen: premiums paid for the assessment year, late fees and other years' back payments excluded.</summary>
    public required long BaseFen { get; init; }

    /// <summary>The size class the rate comes from (LARGE, MEDIUM, SMALL, MICRO).</summary>
    [AllowedValues("LARGE", "MEDIUM", "SMALL", "MICRO")]
    public required string SizeClass { get; init; }

    /// <summary>PROVISIONAL (social-insurance class, settled later) or OFFICIAL.</summary>
    [AllowedValues("PROVISIONAL", "OFFICIAL")]
    public required string SizeClassSource { get; init; }

    /// <summary>2.(1) "弹窗告知": what refund money may be used for, to show the unit with the offer.</summary>
    public required string UsageNotice { get; init; }

    /// <summary>The business date the offer was made on (the run's decision date, or the application's date); reminders count working days from it.</summary>
    public DateOnly? OfferedOn { get; init; }
}
