using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Refunds;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Refunds;

/// <summary>Builds the published refund events from a decision and its workflow step.</summary>
public static class RefundEvents
{
    public static IEnumerable<HubEvent> For(WorkflowStep step, RefundDecision decision, long decisionId, long? supersedes, string reason,
        string correlationId, DateTimeOffset now, RefundAdjustment? settlement = null)
    {
        var explanation = RuleOutcomes.Of(decision.Explanation);
        var year = step.Case.ProgramYear;
        foreach (var kind in step.Events)
        {
            HubEvent e = kind switch
            {
                WorkflowEvent.Offered => new RefundOffered
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    AmountFen = decision.AmountFen, Rate = RuleOutcomes.Rate(decision.Rate ?? 0), BaseFen = decision.BaseFen ?? 0,
                    SizeClass = RuleOutcomes.Upper(decision.SizeClass), SizeClassSource = RuleOutcomes.Upper(decision.SizeClassSource), UsageNotice = RefundNotices.Usage,
                    OfferedOn = step.Case.OfferedOn,
                },
                WorkflowEvent.Released => new RefundReleased
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation, AmountFen = decision.AmountFen,
                },
                WorkflowEvent.Held => new RefundHeldForDeferral
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    AmountFen = decision.Rate is { } rate && decision.BaseFen is { } b ? ExchangeHub.Policy.Money.ApplyRate(b, rate) : 0,
                },
                WorkflowEvent.Ineligible => new RefundIneligible
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    ReasonCodes = decision.Explanation.Checks.Where(c => c.Failed).Select(c => c.ReasonCode).ToList(),
                },
                WorkflowEvent.Undetermined => new RefundUndetermined
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    MissingFacts = decision.Explanation.MissingFacts.ToList(),
                },
                WorkflowEvent.AwaitingApplication => new RefundAwaitingApplication
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    AmountFen = decision.AmountFen, DecisionDate = decision.DecidedOn,
                },
                _ => Adjusted(settlement ?? throw new InvalidOperationException("an adjustment is published with its settlement"), decision,
                    decisionId, supersedes, correlationId, now, year),
            };
            yield return e;
        }
    }

    private static RefundAdjusted Adjusted(RefundAdjustment s, RefundDecision decision, long decisionId, long? supersedes, string correlationId,
        DateTimeOffset now, int year) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = decision.Explanation.Stamp(),
        SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
        SupersedesDecisionId = supersedes, PaidFen = s.PaidFen, DueFen = s.DueFen, DifferenceFen = s.DifferenceFen, ReasonCode = s.ReasonCode,
        ClauseId = s.ClauseId, SizeClass = RuleOutcomes.Upper(s.SizeClass), SizeClassSource = RuleOutcomes.Upper(s.SizeClassSource),
        // 2.(1): the official class is named only once the XPCC has classified the unit.
        OfficialSizeClass = s.SizeClassSource == SizeClassSource.Official ? RuleOutcomes.Upper(s.SizeClass) : "",
        DecisionDate = s.DecisionDate, Explanation = RuleOutcomes.Of(s.Explanation),
    };
}
