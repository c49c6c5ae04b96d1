using ExchangeHub.Policy.Benefits;
using ExchangeHub.Server.Storage;
using Code = ExchangeHub.Server.Storage.StoredProgrammeCodes;

namespace ExchangeHub.Server.Benefits;

/// <summary>
/// The policy's benefit enums as the database stores them (<see cref="StoredProgrammeCodes"/>), one value at a time:
/// a renamed enum member cannot silently change stored data, and a stored text the hub does not know fails loudly.
/// </summary>
public static class BenefitCodes
{
    public static string Outcome(BenefitOutcome outcome) => outcome switch
    {
        BenefitOutcome.Eligible => Code.Outcome.Granted,
        BenefitOutcome.Ineligible => Code.Outcome.Refused,
        BenefitOutcome.Undetermined => Code.Outcome.Undetermined,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no stored code"),
    };

    public static BenefitOutcome OutcomeOf(string stored) => stored switch
    {
        Code.Outcome.Granted => BenefitOutcome.Eligible,
        Code.Outcome.Refused => BenefitOutcome.Ineligible,
        Code.Outcome.Undetermined => BenefitOutcome.Undetermined,
        _ => throw Unknown("benefit_decisions.outcome", stored),
    };

    public static string Separation(SeparationReason separation) => separation switch
    {
        SeparationReason.ContractExpired => Code.Separation.ContractExpired,
        SeparationReason.TerminatedByEmployer => Code.Separation.TerminatedByEmployer,
        SeparationReason.DismissedByEmployer => Code.Separation.DismissedByEmployer,
        SeparationReason.ResignedForEmployerFault => Code.Separation.ResignedForEmployerFault,
        SeparationReason.Resignation => Code.Separation.Resignation,
        _ => throw new ArgumentOutOfRangeException(nameof(separation), separation, "no stored code"),
    };

    /// <summary>Read in Facts/ (the what-if reads claims too), so the one mapping lives in <see cref="Facts.StoredEnums.Separation"/>.</summary>
    public static SeparationReason SeparationOf(string stored) => Facts.StoredEnums.Separation(stored);

    private static InvalidOperationException Unknown(string column, string stored) => new($"{column} holds '{stored}', not a code this hub knows");
}
