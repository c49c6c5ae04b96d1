using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// 多退少补 (2.(1) "Decision (settlement)"): what a disbursed refund re-decided at its frozen decision date comes to.
/// <see cref="DifferenceFen"/> &gt; 0: pay the rest; &lt; 0: recover; 0: nothing to settle. <see cref="ReasonCode"/>
/// names the fact that changed (<c>REFUND_SETTLED_*</c>) and <see cref="ClauseId"/> its clause; the size class is the
/// one the due amount uses, with its source.
/// </summary>
public sealed record RefundAdjustment(
    string Uscc,
    long PaidFen,
    long DueFen,
    long DifferenceFen,
    string ReasonCode,
    string ClauseId,
    SizeClass? SizeClass,
    SizeClassSource? SizeClassSource,
    DateOnly DecisionDate,
    Explanation Explanation)
{
    /// <summary>True when money moves (the settlement is published).</summary>
    public bool Settles => DifferenceFen != 0;
}
