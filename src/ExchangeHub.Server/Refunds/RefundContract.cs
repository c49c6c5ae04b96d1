using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The read side's records as the refund service's replies spell them (ExchangeHub.V1), beside <see cref="RefundGrpcService"/>:
/// stored codes as the contract's enums (their names without prefix are the stored text), instants as Timestamps, the
/// policy stamp split, a HELD decision's amount in held_amount_fen.
/// </summary>
public static class RefundContract
{
    public static RefundDecisionRecord ToContract(this RefundDecisionView d)
    {
        var (version, sha256) = PolicyStamp.Split(d.PolicyVersion);
        var outcome = EnumNames.Parse<RefundOutcome>(d.Outcome);
        var record = new RefundDecisionRecord
        {
            DecisionId = d.DecisionId, Uscc = d.Uscc, ProgramYear = d.ProgramYear, Outcome = outcome, AmountFen = d.AmountFen,
            HeldAmountFen = outcome == RefundOutcome.Held ? RefundQueries.HeldAmountFen(d.Rate, d.BaseFen) : 0, Rate = d.Rate,
            BaseFen = d.BaseFen, SizeClass = EnumNames.Parse<SizeClass>(d.SizeClass), SizeClassSource = EnumNames.Parse<SizeClassSource>(d.SizeClassSource),
            DivisionCode = d.DivisionCode, PolicyId = d.PolicyId, PolicyVersion = version, PolicySha256 = sha256, FactsSha256 = d.FactsSha256,
            DecisionDate = StoredExplanation.Date(d.DecisionDate), KnowledgeTime = StoredExplanation.Time(d.KnowledgeTimeUnixMs),
            DecideTime = StoredExplanation.Time(d.DecidedAtUnixMs), SupersedeReason = d.SupersedeReason, RunId = d.RunId,
        };
        if (d.ExplanationJson is { } explanation)
        {
            record.Explanation.Add(StoredExplanation.Rules(explanation));
        }
        return record;
    }

    /// <summary>The case's state as the contract's enum; UNSPECIFIED when the unit has no case.</summary>
    public static V1.RefundState State(RefundState? state) => state is { } s ? EnumNames.Parse<V1.RefundState>(Names.Of(s)) : V1.RefundState.Unspecified;

    /// <summary>The replay in the one shape every programme answers: the unit's USCC as reference, its program year, outcomes as RefundOutcome.</summary>
    public static DecisionReplay ToContract(this ReplayedDecision r)
    {
        var replay = DecisionReplays.Of(ReplayProgramme.Refund, r.PolicyId, r.Stored, r.Replayed, r.Difference, r.DecisionDate, r.KnowledgeTimeUnixMs);
        replay.DecisionId = r.DecisionId;
        replay.Reference = r.Uscc;
        replay.ProgramYear = r.ProgramYear;
        replay.AmountUnit = PersonDecisionReplay.Fen;
        return replay;
    }
}
