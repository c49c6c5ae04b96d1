namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// A unit fact the rules use (<see cref="Fact"/> names the <see cref="RefundFacts"/> member) that two agencies report
/// differently for one USCC ("FACTS", sources): the hub never lets the last writer win, so the decision waits for them.
/// </summary>
/// <param name="Sources">Who said what, e.g. "amr-a:U-1=ACTIVE; amr-b:U-9=DEREGISTERED".</param>
public sealed record SourceConflict(string Fact, string Sources);
