namespace ExchangeHub.Policy.Skills;

public enum SkillOutcome
{
    Granted,
    Refused,

    /// <summary>A fact is missing; the explanation names it.</summary>
    Undetermined,
}
