using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// Settles a disbursed refund (2.(1) 多退少补, "Decision (settlement)"): the unit is decided again at the refund's
/// frozen decision date D with newer knowledge (the OFFICIAL size class, corrected or late-reported lines of Y−1
/// received on or before D), and the new decision's amount is due. Facts dated after D are not in force on D, so they
/// never reach this decision. A missing fact or a deferral hold recovers nothing. The one code path of settlement:
/// the hub calls it for every re-decision of an approved refund, before and after the programme's end.
/// </summary>
public sealed class RefundAdjuster(PolicySet policy)
{
    public RefundAdjustment Settle(PaidRefund paid, RefundDecision redecided)
    {
        if (redecided.DecidedOn != paid.DecisionDate)
        {
            throw new ArgumentException(
                $"a disbursed refund is settled at its frozen decision date {Values.Text(paid.DecisionDate)}, not {Values.Text(redecided.DecidedOn)}",
                nameof(redecided));
        }

        var inputs = Values.Of(
            ("decision_date", Values.Text(paid.DecisionDate)),
            ("paid_fen", Values.Text(paid.AmountFen)),
            ("paid_rate", paid.Rate is { } r ? Values.Text(r) : "missing"),
            ("paid_base_fen", paid.BaseFen is { } b ? Values.Text(b) : "missing"),
            ("paid_size_class", Values.Text(paid.SizeClass)),
            ("paid_size_class_source", Values.Text(paid.SizeClassSource)),
            ("outcome", Values.Text<RefundOutcome>(redecided.Outcome)),
            ("rate", redecided.Rate is { } nr ? Values.Text(nr) : "missing"),
            ("base_fen", redecided.BaseFen is { } nb ? Values.Text(nb) : "missing"),
            ("size_class", Values.Text(redecided.SizeClass)),
            ("size_class_source", Values.Text(redecided.SizeClassSource)));

        var (due, reason, clause, message) = redecided.Outcome switch
        {
            RefundOutcome.Ineligible => Ineligible(redecided),
            RefundOutcome.Eligible => Eligible(paid, redecided),
            _ => (paid.AmountFen, AdjustmentNone, "2.(1)",
                $"decided {Values.Text<RefundOutcome>(redecided.Outcome)} at {Values.Text(paid.DecisionDate)}: a missing fact or a deferral hold recovers nothing"),
        };
        var difference = due - paid.AmountFen;
        var check = new RuleCheck(RuleAdjustment, clause, reason, true, inputs, Values.Of(("settled_at", Values.Text(paid.DecisionDate))),
            difference == 0 ? message : $"{message}: due {Values.Text(due)} fen, paid {Values.Text(paid.AmountFen)} fen, difference {Values.Text(difference)} fen");
        return new RefundAdjustment(redecided.Uscc, paid.AmountFen, due, difference, reason, clause, redecided.SizeClass, redecided.SizeClassSource,
            paid.DecisionDate, Explanation.For(policy, [check]));
    }

    private static (long Due, string Reason, string Clause, string Message) Ineligible(RefundDecision redecided)
    {
        var failed = redecided.Explanation.Checks.First(c => c.Failed);
        return (0, SettledEligibilityCorrected, failed.ClauseId, $"no longer qualifies on the decision date: {failed.RuleId} {failed.ReasonCode}");
    }

    private static (long Due, string Reason, string Clause, string Message) Eligible(PaidRefund paid, RefundDecision redecided)
    {
        var due = redecided.AmountFen;
        if (due == paid.AmountFen)
        {
            return (due, AdjustmentNone, "2.(1)", "the refund due is what was paid");
        }
        if (paid.AmountFen == 0)
        {
            return (due, SettledEligibilityCorrected, "1.(2)", "qualifies again on the decision date");
        }
        // The rate moves only with the size class (1.(2) REFUND_AMOUNT); when the base moved too, the size class is
        // named (the fact 2.(1) settles) and the explanation's inputs carry both bases.
        return redecided.Rate != paid.Rate
            ? (due, SettledSizeClass, "2.(1)", $"size class {Values.Text(paid.SizeClass)} {Values.Text(paid.SizeClassSource)} → {Values.Text(redecided.SizeClass)} {Values.Text(redecided.SizeClassSource)}")
            : (due, SettledBaseCorrected, "1.(2)", $"refund base {Values.Text(paid.BaseFen ?? 0)} → {Values.Text(redecided.BaseFen ?? 0)} fen (lines of the assessment year received on or before the decision date)");
    }
}
