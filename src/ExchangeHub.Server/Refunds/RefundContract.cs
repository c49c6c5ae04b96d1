using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Refunds;

/// <summary>The read side's records as the refund service's replies spell them (ExchangeHub.V1), beside <see cref="RefundGrpcService"/>.</summary>
public static class RefundContract
{
    public static RefundDecisionRecord ToContract(this RefundDecisionView d)
    {
        var record = new RefundDecisionRecord
        {
            DecisionId = d.DecisionId, Uscc = d.Uscc, ProgramYear = d.ProgramYear, Outcome = d.Outcome, AmountFen = d.AmountFen, Rate = d.Rate,
            BaseFen = d.BaseFen, SizeClass = d.SizeClass, SizeClassSource = d.SizeClassSource, DivisionCode = d.DivisionCode,
            Policy = $"{d.PolicyId} {d.PolicyVersion}", FactsSha256 = d.FactsSha256, DecidedAt = StoredExplanation.Iso(d.DecidedAtUnixMs),
            SupersedeReason = d.SupersedeReason, RunId = d.RunId,
        };
        if (d.ExplanationJson is { } explanation)
        {
            record.Explanation.Add(StoredExplanation.Rules(explanation));
        }
        return record;
    }

    /// <summary>The case's state as the contract spells it; empty when the unit has no case.</summary>
    public static string State(RefundState? state) => state is { } s ? Names.Of(s) : "";
}
