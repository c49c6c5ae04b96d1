using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// Settles a paid refund when the OFFICIAL size class arrives (2.(1) 多退少补): due = rate of the official class × the
/// same base, with the rates in force on the original decision date (so the settlement may happen after the window).
/// </summary>
public sealed class RefundAdjuster(PolicySet policy)
{
    public RefundAdjustment Adjust(RefundDecision paid, SizeClass officialClass)
    {
        var inputs = Values.Of(
            ("paid_class", Values.Text(paid.SizeClass)),
            ("official_class", Values.Text<SizeClass>(officialClass)),
            ("paid_fen", Values.Text(paid.AmountFen)),
            ("base_fen", paid.BaseFen is { } b ? Values.Text(b) : "missing"),
            ("decided_on", Values.Text(paid.DecidedOn)));
        var rates = policy.Refund.Rates.At(paid.DecidedOn)?.Value;
        if (paid.Outcome != RefundOutcome.Eligible || paid.BaseFen is not { } baseFen || rates is null)
        {
            var check = new RuleCheck(RuleAdjustment, "2.(1)", AdjustmentNotPaid, false, inputs, Values.None, "the original decision paid no refund: nothing to settle");
            return new RefundAdjustment(paid.Uscc, paid.SizeClass, officialClass, paid.AmountFen, paid.AmountFen, 0, Explanation.For(policy, [check]));
        }

        var rate = rates[officialClass];
        var due = Money.ApplyRate(baseFen, rate);
        var difference = due - paid.AmountFen;
        var reason = difference switch
        {
            > 0 => AdjustmentPayRest,
            < 0 => AdjustmentRecover,
            _ => AdjustmentNone,
        };
        var settled = new RuleCheck(
            RuleAdjustment,
            "2.(1)",
            reason,
            true,
            inputs,
            Values.Of(("rate", Values.Text(rate))),
            $"due {Values.Text(due)} fen at {Values.Text(rate)}, paid {Values.Text(paid.AmountFen)} fen: difference {Values.Text(difference)} fen");
        return new RefundAdjustment(paid.Uscc, paid.SizeClass, officialClass, paid.AmountFen, due, difference, Explanation.For(policy, [settled]));
    }
}
