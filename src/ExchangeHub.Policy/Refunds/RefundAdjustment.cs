using ExchangeHub.Policy.Explanations;

namespace ExchangeHub.Policy.Refunds;

/// <summary>
/// 多退少补 (2.(1)): the signed difference when the OFFICIAL size class changes the rate of a paid refund.
/// <see cref="DifferenceFen"/> &gt; 0: pay the rest; &lt; 0: recover; 0: nothing to settle.
/// </summary>
public sealed record RefundAdjustment(
    string Uscc,
    SizeClass? PaidClass,
    SizeClass OfficialClass,
    long PaidFen,
    long DueFen,
    long DifferenceFen,
    Explanation Explanation);
