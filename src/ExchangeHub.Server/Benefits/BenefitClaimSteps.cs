using System.Diagnostics.CodeAnalysis;
using ExchangeHub.Policy;
using ExchangeHub.Policy.Benefits;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Server.Storage;
using Code = ExchangeHub.Server.Storage.StoredProgrammeCodes;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// The pure steps of a claim's life, apart from the reads and writes of <see cref="BenefitClaimWorkflow"/>: whether a
/// stored decision still stands, why a claim is decided (again), its status after a decision, and whether it is overdue.
/// </summary>
public static class BenefitClaimSteps
{
    /// <summary>
    /// 2.(3): a claim is decided when GRANTED or REFUSED; an UNDETERMINED decision keeps it open (SUBMITTED), so it can
    /// become overdue. Every later decision supersedes the current one and sets the status again.
    /// </summary>
    public static string StatusAfter(string storedOutcome) => Decides(storedOutcome) ? StoredClaimStatus.Decided : StoredClaimStatus.Submitted;

    /// <summary>Whether a stored outcome decides the claim (2.(3)): GRANTED or REFUSED, not UNDETERMINED.</summary>
    public static bool Decides(string storedOutcome) => storedOutcome is Code.Outcome.Granted or Code.Outcome.Refused;

    /// <summary>The current decision stands when it was made from the same facts under the same policy.</summary>
    public static bool Stands(StoredBenefitDecision? current, string factsSha256, string policyVersion) =>
        current is not null && current.FactsSha256 == factsSha256 && current.PolicyVersion == policyVersion;

    /// <summary>A granted claim is recalculated on its original decision date (2.(4)); any other is decided again.</summary>
    public static bool Recalculates([NotNullWhen(true)] StoredBenefitDecision? current) => current?.Outcome == Code.Outcome.Granted;

    /// <summary>benefit_decisions.reason of the decision that follows <paramref name="current"/>.</summary>
    public static string Reason(StoredBenefitDecision? current) =>
        current is null ? Code.DecisionReason.Decided
        : Recalculates(current) ? Code.DecisionReason.Recalculated
        : Code.DecisionReason.FactsChanged;

    /// <summary>
    /// The decision that follows <paramref name="current"/> on <paramref name="facts"/>: a granted claim recalculated on
    /// its original decision date (2.(4), with the recalculation), any other decided anew on <paramref name="decisionDate"/>.
    /// The workflow and the replay (<see cref="BenefitReplay"/>) both decide through here.
    /// </summary>
    public static (BenefitDecision Decision, Explanation Explanation, BenefitRecalculation? Recalculation) Decide(BenefitDecider decider, PolicySet policy,
        string personKey, BenefitFacts facts, DateOnly decisionDate, StoredBenefitDecision? current)
    {
        if (!Recalculates(current))
        {
            var decision = decider.Decide(facts, decisionDate);
            return (decision, decision.Explanation, null);
        }
        var original = new BenefitDecision(personKey, BenefitOutcome.Eligible, current.MaxMonths, current.CarriedOverMonths,
            current.ConsolidatedInsuredMonths, current.ConsolidatedInsuredMonths, 0, current.DecidedOn,
            new Explanation(policy.Id, policy.Version, policy.Sha256, []));
        var recalculation = decider.Recalculate(original, facts);
        return (recalculation.Recalculated, recalculation.Explanation, recalculation);
    }

    /// <summary>
    /// Overdue: still open after the due date, or first decided after it (no due date: never). <paramref name="decidedOn"/>:
    /// the dates of the claim's GRANTED or REFUSED decisions (an UNDETERMINED one leaves it open, <see cref="Decides"/>).
    /// </summary>
    public static bool Overdue(DateOnly? dueOn, IEnumerable<DateOnly> decidedOn, DateOnly today)
    {
        if (dueOn is not { } due)
        {
            return false;
        }
        var first = decidedOn.DefaultIfEmpty(today).Min();
        return first > due;
    }
}
