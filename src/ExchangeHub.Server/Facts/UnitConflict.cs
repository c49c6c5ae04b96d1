namespace ExchangeHub.Server.Facts;

/// <summary>
/// A unit fact the rules use that two agencies report differently for one USCC ("FACTS", sources): both records as
/// of D and T, and each one's value of <see cref="Fact"/> (a <c>RefundFacts</c> member name).
/// </summary>
public sealed record UnitConflict(string Fact, UnitSnapshot First, string FirstValue, UnitSnapshot Second, string SecondValue)
{
    /// <summary>E.g. "amr-a:U-1=ACTIVE; amr-b:U-9=DEREGISTERED".</summary>
    public string Sources => $"{First.AgencyId}:{First.SourceRecordId}={FirstValue}; {Second.AgencyId}:{Second.SourceRecordId}={SecondValue}";
}
