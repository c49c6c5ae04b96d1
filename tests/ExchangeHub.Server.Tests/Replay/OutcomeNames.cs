using ExchangeHub.V1;

namespace ExchangeHub.Server.Tests.Replay;

/// <summary>A replay's outcome (whichever programme's enum the oneof holds) by its short name, as the tests compare them.</summary>
internal static class OutcomeNames
{
    public static string Of(DecisionOutcome outcome) => outcome.OutcomeCase switch
    {
        DecisionOutcome.OutcomeOneofCase.Refund => EnumNames.Suffix(outcome.Refund),
        DecisionOutcome.OutcomeOneofCase.Skill => EnumNames.Suffix(outcome.Skill),
        DecisionOutcome.OutcomeOneofCase.Benefit => EnumNames.Suffix(outcome.Benefit),
        DecisionOutcome.OutcomeOneofCase.Transfer => EnumNames.Suffix(outcome.Transfer),
        _ => "",
    };
}
