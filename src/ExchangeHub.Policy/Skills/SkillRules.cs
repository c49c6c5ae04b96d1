using System.Text.RegularExpressions;
using ExchangeHub.Policy.Explanations;
using ExchangeHub.Policy.Parameters;
using static ExchangeHub.Policy.Skills.SkillReasonCodes;

namespace ExchangeHub.Policy.Skills;

/// <summary>The rules of 1.(3) and 2.(2), each returning its explained check.</summary>
internal static partial class SkillRules
{
    public static RuleCheck Person(SkillSubsidyFacts facts, int minInsuredMonths)
    {
        var issueMonth = YearMonth.FromDate(facts.Certificate.IssuedOn);
        int? insured = facts.InsuredMonths?.Where(m => m <= issueMonth).Distinct().Count();
        var inputs = Values.Of(
            ("insured_months", insured is { } n ? Values.Text(n) : "missing"),
            ("receiving_benefit", Values.Text(facts.ReceivingBenefitOnIssueDate)),
            ("issued_on", Values.Text(facts.Certificate.IssuedOn)));
        var parameters = Values.Of(("min_insured_months", Values.Text(minInsuredMonths)));
        if (insured >= minInsuredMonths)
        {
            return new RuleCheck(RulePerson, "1.(3)", PersonInsuredMonthsMet, true, inputs, parameters, $"insured {insured} months up to the issue date");
        }

        if (facts.ReceivingBenefitOnIssueDate == true)
        {
            return new RuleCheck(RulePerson, "1.(3)", PersonReceivingBenefit, true, inputs, parameters, "receiving unemployment benefit on the issue date");
        }

        if (insured is null)
        {
            return new RuleCheck(RulePerson, "1.(3)", PersonInsuredMonthsMissing, false, inputs, parameters, "insured months unknown", nameof(SkillSubsidyFacts.InsuredMonths));
        }

        return facts.ReceivingBenefitOnIssueDate is null
            ? new RuleCheck(RulePerson, "1.(3)", PersonBenefitStatusMissing, false, inputs, parameters, $"insured only {insured} months; benefit status unknown", nameof(SkillSubsidyFacts.ReceivingBenefitOnIssueDate))
            : new RuleCheck(RulePerson, "1.(3)", PersonNotQualified, false, inputs, parameters, $"insured only {insured} months and not receiving benefit");
    }

    public static RuleCheck Level(Certificate certificate, IReadOnlyDictionary<int, long> amounts, out long amount)
    {
        var inputs = Values.Of(("level", Values.Text(certificate.Level)));
        var parameters = Values.Of(("amounts_fen", string.Join(",", amounts.OrderByDescending(a => a.Key).Select(a => $"{a.Key}={a.Value}"))));
        return amounts.TryGetValue(certificate.Level, out amount)
            ? new RuleCheck(RuleLevel, "1.(3)", LevelCovered, true, inputs, parameters, $"level {certificate.Level}: {amount} fen")
            : new RuleCheck(RuleLevel, "1.(3)", LevelNotCovered, false, inputs, parameters, $"level {certificate.Level} is not covered");
    }

    public static RuleCheck Cap(IReadOnlyList<SkillGrant> prior, DateOnly grantDate, int yearlyCap)
    {
        var grantsThisYear = prior.Count(g => g.GrantedOn.Year == grantDate.Year);
        var inputs = Values.Of(("grants_in_year", Values.Text(grantsThisYear)), ("grant_year", Values.Text(grantDate.Year)));
        var parameters = Values.Of(("yearly_cap", Values.Text(yearlyCap)));
        return grantsThisYear < yearlyCap
            ? new RuleCheck(RuleCap, "2.(2)", WithinYearlyCap, true, inputs, parameters, $"grant {grantsThisYear + 1} of at most {yearlyCap} in {grantDate.Year}")
            : new RuleCheck(RuleCap, "2.(2)", YearlyCapReached, false, inputs, parameters, $"already {grantsThisYear} grants in {grantDate.Year}");
    }

    public static RuleCheck Once(Certificate certificate, IReadOnlyList<SkillGrant> prior)
    {
        var inputs = Values.Of(("occupation_code", certificate.OccupationCode), ("level", Values.Text(certificate.Level)));
        if (!OccupationCode().IsMatch(certificate.OccupationCode))
        {
            return new RuleCheck(RuleOnce, "2.(2)", OccupationCodeInvalid, false, inputs, Values.None, "occupation code is not D-DD-DD-DD");
        }

        return prior.Any(g => g.OccupationCode == certificate.OccupationCode && g.Level == certificate.Level)
            ? new RuleCheck(RuleOnce, "2.(2)", AlreadyGranted, false, inputs, Values.None, "this occupation and level was granted before")
            : new RuleCheck(RuleOnce, "2.(2)", FirstGrantForLevel, true, inputs, Values.None, "first grant for this occupation and level");
    }

    /// <summary>Level 3 is higher than 4, 4 than 5: a smaller number is a higher level.</summary>
    public static RuleCheck NoLower(Certificate certificate, IReadOnlyList<SkillGrant> prior)
    {
        var highest = prior.Where(g => g.OccupationCode == certificate.OccupationCode).Select(g => (int?)g.Level).Min();
        var inputs = Values.Of(
            ("level", Values.Text(certificate.Level)),
            ("highest_granted_level", highest is { } h ? Values.Text(h) : "none"));
        return highest < certificate.Level
            ? new RuleCheck(RuleNoLower, "2.(2)", LowerLevelAfterHigher, false, inputs, Values.None, $"level {highest} of this occupation was granted before")
            : new RuleCheck(RuleNoLower, "2.(2)", NotLowerThanGranted, true, inputs, Values.None, "no higher level of this occupation granted before");
    }

    /// <summary>
    /// 1.(3) "Grants are dated inside the programme window": the grant date must be covered by the window in force on
    /// it (the policy file in force decides); after the window nothing is granted under this notice.
    /// </summary>
    public static RuleCheck Programme(DateOnly grantDate, DatedValue<bool>? windowOnGrantDate, DatedValue<bool> windowOnIssueDate)
    {
        var inputs = Values.Of(("grant_date", Values.Text(grantDate)));
        if (windowOnGrantDate is { Value: true } covering)
        {
            return new RuleCheck(RuleWindow, "1.(3)", GrantDateInWindow, true, inputs,
                Values.Of(("certificate_window", Values.Period(covering.From, covering.To))), "granted inside the programme window");
        }
        return new RuleCheck(RuleWindow, "1.(3)", ProgrammeEnded, false, inputs,
            Values.Of(("certificate_window", Values.Period(windowOnIssueDate.From, windowOnIssueDate.To))),
            $"the programme ended: no policy file covers grants dated {Values.Text(grantDate)}");
    }

    /// <summary>
    /// 1.(3) SKILL_NO_DOUBLE, Decision: a vocational-training subsidy already paid for the certificate (on or before the
    /// grant date, as the hub knows it) refuses the skill subsidy, rather than granting it and recovering it at once.
    /// </summary>
    public static RuleCheck NoDouble(SubsidyPayment? training, DateOnly grantDate)
    {
        var inputs = Values.Of(("training_paid_on", training is null ? "none" : Values.Text(training.PaidOn)), ("grant_date", Values.Text(grantDate)));
        return training is not null && training.PaidOn <= grantDate
            ? new RuleCheck(RuleNoDouble, "1.(3)", TrainingSubsidyAlreadyPaid, false, inputs, Values.None,
                $"a vocational-training subsidy of {training.AmountFen} fen was already paid for this certificate on {Values.Text(training.PaidOn)}")
            : new RuleCheck(RuleNoDouble, "1.(3)", NoTrainingSubsidyPaid, true, inputs, Values.None,
                "no vocational-training subsidy paid for this certificate");
    }

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OccupationCode();
}
