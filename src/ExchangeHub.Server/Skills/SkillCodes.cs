using ExchangeHub.Policy.Skills;
using ExchangeHub.Server.Storage;
using Code = ExchangeHub.Server.Storage.StoredProgrammeCodes;

namespace ExchangeHub.Server.Skills;

/// <summary>
/// The policy's skill-subsidy enums as the database stores them (<see cref="StoredProgrammeCodes"/>), one value at a
/// time: a renamed enum member cannot silently change stored data, and a stored text the hub does not know fails loudly.
/// </summary>
public static class SkillCodes
{
    public static string Outcome(SkillOutcome outcome) => outcome switch
    {
        SkillOutcome.Granted => Code.Outcome.Granted,
        SkillOutcome.Refused => Code.Outcome.Refused,
        SkillOutcome.Undetermined => Code.Outcome.Undetermined,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no stored code"),
    };

    public static SkillOutcome OutcomeOf(string stored) => stored switch
    {
        Code.Outcome.Granted => SkillOutcome.Granted,
        Code.Outcome.Refused => SkillOutcome.Refused,
        Code.Outcome.Undetermined => SkillOutcome.Undetermined,
        _ => throw Unknown("skill_subsidy_decisions.outcome", stored),
    };

    public static string Subsidy(SubsidyKind kind) => kind switch
    {
        SubsidyKind.SkillUpgrade => Code.Subsidy.SkillUpgrade,
        SubsidyKind.VocationalTraining => Code.Subsidy.VocationalTraining,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no stored code"),
    };

    public static SubsidyKind SubsidyOf(string stored) => stored switch
    {
        Code.Subsidy.SkillUpgrade => SubsidyKind.SkillUpgrade,
        Code.Subsidy.VocationalTraining => SubsidyKind.VocationalTraining,
        _ => throw Unknown("subsidy_clawbacks.recovered_subsidy", stored),
    };

    public static string Recipient(RecipientKind kind) => kind switch
    {
        RecipientKind.Person => Code.Recipient.Person,
        RecipientKind.Unit => Code.Recipient.Unit,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no stored code"),
    };

    public static RecipientKind RecipientOf(string stored) => stored switch
    {
        Code.Recipient.Person => RecipientKind.Person,
        Code.Recipient.Unit => RecipientKind.Unit,
        _ => throw Unknown("subsidy_clawbacks.recipient_kind", stored),
    };

    /// <summary>Who was paid a training subsidy (training_subsidy_payments.recipient_kind, the feed's number).</summary>
    public static RecipientKind TrainingRecipientOf(int stored) => stored switch
    {
        Code.TrainingRecipient.Unit => RecipientKind.Unit,
        Code.TrainingRecipient.Person => RecipientKind.Person,
        _ => throw new InvalidOperationException($"training_subsidy_payments.recipient_kind holds {stored}, not a code this hub knows"),
    };

    private static InvalidOperationException Unknown(string column, string stored) => new($"{column} holds '{stored}', not a code this hub knows");
}
