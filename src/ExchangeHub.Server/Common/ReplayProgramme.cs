namespace ExchangeHub.Server.Common;

/// <summary>Whose decision a replay is: picks the enum its outcomes are spelled in (<c>DecisionOutcome</c>'s oneof).</summary>
public enum ReplayProgramme
{
    Refund,
    Skill,
    Benefit,
    Transfer,
}
