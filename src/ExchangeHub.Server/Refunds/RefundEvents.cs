using System.Globalization;
using ExchangeHub.Contracts;
using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Refunds;

namespace ExchangeHub.Server.Refunds;

/// <summary>Builds the published refund events from a decision and its workflow step.</summary>
public static class RefundEvents
{
    public static IEnumerable<HubEvent> For(WorkflowStep step, RefundDecision decision, long decisionId, long? supersedes, string reason,
        long previousAmountFen, string correlationId, DateTimeOffset now)
    {
        var explanation = Explain(decision.Explanation);
        var year = step.Case.ProgramYear;
        foreach (var kind in step.Events)
        {
            HubEvent e = kind switch
            {
                WorkflowEvent.Offered => new RefundOffered
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    AmountFen = decision.AmountFen, Rate = decision.Rate ?? 0, BaseFen = decision.BaseFen ?? 0,
                    SizeClass = Upper(decision.SizeClass), SizeClassSource = Upper(decision.SizeClassSource), UsageNotice = RefundNotices.Usage,
                },
                WorkflowEvent.Released => new RefundReleased
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation, AmountFen = decision.AmountFen,
                },
                WorkflowEvent.Held => new RefundHeldForDeferral
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    AmountFen = decision.Rate is { } rate && decision.BaseFen is { } b ? ExchangeHub.Policy.Money.ApplyRate(b, rate) : 0,
                },
                WorkflowEvent.Ineligible => new RefundIneligible
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    ReasonCodes = decision.Explanation.Checks.Where(c => c.Failed).Select(c => c.ReasonCode).ToList(),
                },
                WorkflowEvent.Undetermined => new RefundUndetermined
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    SupersedesDecisionId = supersedes, SupersedeReason = reason, Explanation = explanation,
                    MissingFacts = decision.Explanation.MissingFacts.ToList(),
                },
                _ => new RefundAdjusted
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, PolicyId = decision.Explanation.PolicyId, PolicyVersion = Version(decision.Explanation),
                    SubjectKey = decision.Uscc, CorrelationId = correlationId, Uscc = decision.Uscc, ProgramYear = year, DecisionId = decisionId,
                    PaidFen = previousAmountFen, DueFen = step.Case.AmountFen ?? 0, DifferenceFen = (step.Case.AmountFen ?? 0) - previousAmountFen,
                    OfficialSizeClass = Upper(decision.SizeClass),
                },
            };
            yield return e;
        }
    }

    public static IReadOnlyList<RuleOutcome> Explain(Explanation explanation) => explanation.Checks
        .Select(c => new RuleOutcome
        {
            RuleId = c.RuleId, ClauseId = c.ClauseId, ReasonCode = c.ReasonCode, Passed = c.Undetermined ? null : c.Passed,
            Message = c.Message, Inputs = c.Inputs, Parameters = c.Parameters,
        })
        .ToList();

    /// <summary>The policy version as published: version plus the file's SHA-256, so the exact file is named.</summary>
    public static string Version(Explanation explanation) => $"{explanation.PolicyVersion}+sha256:{explanation.PolicySha256}";

    public static string Upper<T>(T? value)
        where T : struct, Enum => value is { } v ? ExchangeHub.Policy.UpperSnake.Format(v) : "";

    public static string Rate(decimal? rate) => rate?.ToString("G29", CultureInfo.InvariantCulture) ?? "";
}
