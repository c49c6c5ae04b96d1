namespace ExchangeHub.Policy.Skills;

public enum SubsidyKind
{
    SkillUpgrade,
    VocationalTraining,
}
