using ExchangeHub.Policy.Calendar;
using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Transfers.TransferRuleReasonCodes;

namespace ExchangeHub.Policy.Transfers;

/// <summary>
/// The 2.(4) practice the hub follows, from the parameters in force on the request date: the transferring-out side
/// acts within N working days of the request (national calendar plus the regions' local days, a year a calendar does
/// not cover leaves the day undetermined); money moves only when at least the minimum months were paid here, then
/// multiplier × monthly benefit × months due, rounded half-up to the fen (POLICY.md conventions: 1.5 × 1 fen = 2 fen).
/// <see cref="Decide"/> is the one entry point for a transfer-out's fund (the workflow and its replay use it).
/// </summary>
public sealed class TransferDecider(PolicySet policy)
{
    private const string Clause = "2.(4)";

    /// <summary>The fund and the last day to act of a transfer-out, with both checks as the explanation.</summary>
    public TransferOutDecision Decide(TransferOutFacts facts)
    {
        var (amount, fund) = Fund(facts);
        var limit = TimeLimit(facts.RequestedOn);
        return new TransferOutDecision(amount, limit.DueOn, limit.DueUndetermined, Explanation.For(policy, [fund, limit.Check]));
    }

    /// <summary>The last day to act on a request of <paramref name="requestedOn"/> (transfer-outs and incoming requests alike).</summary>
    public TransferTimeLimit TimeLimit(DateOnly requestedOn)
    {
        var inputs = Values.Of(("requested_on", Values.Text(requestedOn)));
        var limit = Calendar.TimeLimit.Count(policy, policy.Transfer.ActWorkingDays, policy.Transfer.CalendarRegions, requestedOn, RuleTimeLimit, Clause,
            CalendarMissing, inputs);
        return limit is { Due: { } due }
            ? new TransferTimeLimit(requestedOn, due, null, new RuleCheck(RuleTimeLimit, Clause, ActDue, true,
                Values.Of(("requested_on", Values.Text(requestedOn)), ("due", Values.Text(due))), limit.Parameters,
                $"act by {Values.Text(due)}, {limit.WorkingDays} working days after {Values.Text(requestedOn)}"))
            : new TransferTimeLimit(requestedOn, null, limit.Undetermined!.Message, limit.Undetermined);
    }

    private (long? Amount, RuleCheck Check) Fund(TransferOutFacts facts)
    {
        var inputs = Values.Of(
            ("requested_on", Values.Text(facts.RequestedOn)),
            ("months_paid_here", Values.Text(facts.MonthsPaidHere)),
            ("monthly_benefit_fen", Values.Text(facts.MonthlyBenefitFen)),
            ("months_due", Values.Text(facts.MonthsDue)));
        var parameters = policy.Transfer;
        if (parameters.MinPaidMonths.At(facts.RequestedOn) is not { } minimum)
        {
            return (null, Missing(inputs, parameters.MinPaidMonths.Path));
        }

        if (parameters.FundMultiplier.At(facts.RequestedOn) is not { } multiplier)
        {
            return (null, Missing(inputs, parameters.FundMultiplier.Path));
        }

        var values = Values.Of(("min_paid_months", Values.Text(minimum.Value)), ("fund_multiplier", Values.Text(multiplier.Value)));
        if (facts.MonthsPaidHere < minimum.Value)
        {
            return (0, new RuleCheck(RuleFund, Clause, FundBelowMinimumMonths, false, inputs, values,
                $"{facts.MonthsPaidHere} months paid here, fewer than {minimum.Value}: no money moves"));
        }

        var amount = Money.ApplyRate(facts.MonthlyBenefitFen * facts.MonthsDue, multiplier.Value);
        return (amount, new RuleCheck(RuleFund, Clause, FundMoves, true, inputs, values,
            $"{Values.Text(multiplier.Value)} × {Money.Format(facts.MonthlyBenefitFen)} fen × {facts.MonthsDue} months = {Money.Format(amount)} fen"));
    }

    private static RuleCheck Missing(IReadOnlyDictionary<string, string> inputs, string path) =>
        new(RuleFund, Clause, FundParameterMissing, false, inputs, Values.None, "no transfer fund parameter in force on the request date", path);
}
