using ExchangeHub.Policy.Explanations;
using static ExchangeHub.Policy.Refunds.RefundReasonCodes;

namespace ExchangeHub.Policy.Refunds;

/// <summary>The eligibility rules of 1.(2): organisation type, registration, paid months, arrears, deferral.</summary>
internal static class EligibilityRules
{
    private const string Clause = "1.(2)";

    public static RuleCheck OrganisationType(RefundFacts facts, RefundTerms terms)
    {
        var inputs = Values.Of(("organisation_type", Values.Text(facts.OrganisationType)));
        return facts.OrganisationType switch
        {
            null => new RuleCheck(RuleOrgType, Clause, OrgTypeMissing, false, inputs, terms.OrgTypeParameters, "organisation type unknown", nameof(RefundFacts.OrganisationType)),
            { } type when terms.CoveredTypes.Contains(type) => new RuleCheck(RuleOrgType, Clause, OrgTypeCovered, true, inputs, terms.OrgTypeParameters, "organisation type is covered"),
            _ => new RuleCheck(RuleOrgType, Clause, OrgTypeNotCovered, false, inputs, terms.OrgTypeParameters, "organisation type is not covered by the refund"),
        };
    }

    public static RuleCheck Registration(RefundFacts facts)
    {
        var inputs = Values.Of(("registration_status", Values.Text(facts.RegistrationStatus)));
        return facts.RegistrationStatus switch
        {
            null => new RuleCheck(RuleActive, Clause, RegistrationMissing, false, inputs, Values.None, "registration status unknown", nameof(RefundFacts.RegistrationStatus)),
            RegistrationStatus.Active => new RuleCheck(RuleActive, Clause, RegistrationActive, true, inputs, Values.None, "registration active at decision time"),
            _ => new RuleCheck(RuleActive, Clause, RegistrationNotActive, false, inputs, Values.None, "unit deregistered or revoked"),
        };
    }

    public static RuleCheck PaidMonths(MonthSummary months, RefundTerms terms)
    {
        var inputs = Values.Of(
            ("paid_months", Values.Text(months.PaidMonths)),
            ("deferred_months", Values.Text(months.DeferredUpToAssessmentEnd)),
            ("unknown_months", Values.Text(months.UnknownUpToAssessmentEnd.Count)),
            ("missing_months", Values.Text(months.Missing.Count)));
        var parameters = terms.PaidMonthsParameters;
        if (months.PaidMonths >= terms.MinPaidMonths)
        {
            return new RuleCheck(RulePaidMonths, Clause, PaidMonthsMet, true, inputs, parameters, $"{months.PaidMonths} months paid in full up to December {terms.AssessmentYear}");
        }

        var reachable = months.PaidMonths + months.DeferredUpToAssessmentEnd + months.UnknownUpToAssessmentEnd.Count + months.Missing.Count;
        if (reachable < terms.MinPaidMonths)
        {
            return new RuleCheck(RulePaidMonths, Clause, PaidMonthsBelowMinimum, false, inputs, parameters, $"only {months.PaidMonths} months paid in full, {terms.MinPaidMonths} needed");
        }

        if (months.UnknownUpToAssessmentEnd.Count > 0)
        {
            var fact = $"Months[{months.UnknownUpToAssessmentEnd[0]}].Settlement";
            return new RuleCheck(RulePaidMonths, Clause, PaidMonthsSettlementMissing, false, inputs, parameters, "settlement status of a month is unknown", fact);
        }

        if (months.Missing.Count > 0)
        {
            return LayoffRule.MonthDataMissingCheck(RulePaidMonths, months, parameters, "the paid months cannot be counted");
        }

        return new RuleCheck(RulePaidMonths, Clause, PaidMonthsPendingDeferral, true, inputs, parameters, "met once the deferred months are paid up");
    }

    public static RuleCheck Arrears(MonthSummary months)
    {
        var inputs = Values.Of(
            ("arrears_months", string.Join(",", months.Arrears)),
            ("unknown_months", string.Join(",", months.Unknown)));
        if (months.Arrears.Count > 0)
        {
            return new RuleCheck(RuleArrears, Clause, RefundReasonCodes.Arrears, false, inputs, Values.None, $"month {months.Arrears[0]} is in arrears at decision time");
        }

        return months.Unknown.Count > 0
            ? new RuleCheck(RuleArrears, Clause, ArrearsSettlementMissing, false, inputs, Values.None, "settlement status of a month is unknown", $"Months[{months.Unknown[0]}].Settlement")
            : new RuleCheck(RuleArrears, Clause, NoArrears, true, inputs, Values.None, "no month in arrears");
    }

    /// <summary>
    /// "FACTS": the unit's record itself — missing (premiums for a USCC market regulation never reported) or reported
    /// differently by two agencies. Null when there is one record, or the agencies agree: nothing to add then.
    /// </summary>
    public static RuleCheck? UnitSources(RefundFacts facts)
    {
        if (!facts.HasUnitRecord)
        {
            return new RuleCheck(RuleUnitSources, "FACTS", UnitRecordMissing, false, Values.None, Values.None,
                "market regulation has not reported this unit: its organisation type, registration and size class are unknown", "UnitRecord");
        }

        if (facts.SourceConflicts is not { Count: > 0 } conflicts)
        {
            return null;
        }

        var inputs = Values.Of([.. conflicts.Select(c => (c.Fact, c.Sources))]);
        return new RuleCheck(RuleUnitSources, "FACTS", UnitSourcesConflict, false, inputs, Values.None,
            $"agencies disagree on {string.Join(", ", conflicts.Select(c => c.Fact))}: {string.Join("; ", conflicts.Select(c => c.Sources))}",
            string.Join(",", conflicts.Select(c => $"UnitRecord.{c.Fact}")));
    }

    public static RuleCheck Deferral(MonthSummary months)
    {
        var inputs = Values.Of(("deferred_months", string.Join(",", months.Deferred)));
        return months.Deferred.Count > 0
            ? new RuleCheck(RuleDeferral, Clause, DeferralUnpaid, false, inputs, Values.None, "approved deferral months still unpaid: held until paid up (2.(1))")
            : new RuleCheck(RuleDeferral, Clause, NoDeferralUnpaid, true, inputs, Values.None, "no deferral months unpaid");
    }
}
