using ExchangeHub.Server.Common;
using ExchangeHub.V1;

namespace ExchangeHub.Server.WhatIf;

/// <summary>The what-if's records as its replies spell them (ExchangeHub.V1), beside <see cref="WhatIfGrpcService"/>.</summary>
public static class WhatIfContract
{
    public static WhatIfChangedSubject ToContract(this WhatIfChange change)
    {
        var line = change.Line;
        return new WhatIfChangedSubject
        {
            Programme = change.Programme, SubjectKey = line.Subject, DivisionCode = change.DivisionCode, SizeClass = change.SizeClass,
            BaselineOutcome = line.BaselineOutcome, BaselineAmountFen = line.BaselineFen, VariantOutcome = line.VariantOutcome,
            VariantAmountFen = line.VariantFen, DifferenceFen = line.DifferenceFen, RuleId = line.Rule?.RuleId ?? "", ClauseId = line.Rule?.ClauseId ?? "",
            BaselineReasonCode = line.Rule?.BaselineReasonCode ?? "", VariantReasonCode = line.Rule?.VariantReasonCode ?? "",
            BaselineMonths = line.BaselineMonths, VariantMonths = line.VariantMonths,
        };
    }

    public static WhatIfSummary ToContract(this WhatIfTotals totals) => new()
    {
        DecisionDate = StoredExplanation.Date(totals.DecisionDate),
        BaselinePolicyId = totals.Baseline.Id, BaselinePolicyVersion = totals.Baseline.Version, BaselinePolicySha256 = totals.Baseline.Sha256,
        VariantPolicyId = totals.Variant.Id, VariantPolicyVersion = totals.Variant.Version, VariantPolicySha256 = totals.Variant.Sha256,
        Subjects = totals.Subjects, ChangedSubjects = totals.ChangedSubjects, ChangedSubjectsTruncated = totals.Truncated,
        BaselineAmountFen = totals.BaselineAmountFen, VariantAmountFen = totals.VariantAmountFen, DifferenceFen = totals.VariantAmountFen - totals.BaselineAmountFen,
        Groups =
        {
            totals.Groups.Select(g => new WhatIfGroup
            {
                Programme = g.Key.Programme, DivisionCode = g.Key.DivisionCode, SizeClass = g.Key.SizeClass, Outcome = g.Key.Outcome,
                BaselineCount = g.Value.BaselineCount, BaselineAmountFen = g.Value.BaselineAmountFen, VariantCount = g.Value.VariantCount,
                VariantAmountFen = g.Value.VariantAmountFen, CountDifference = g.Value.VariantCount - g.Value.BaselineCount,
                DifferenceFen = g.Value.VariantAmountFen - g.Value.BaselineAmountFen,
            }),
        },
    };
}
