namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The fund amount of a transfer-out (2.(4) practice): money moves only when at least <see cref="MinimumPaidMonths"/>
/// months were paid at the transferring-out place; then 1.5 × monthly benefit × months due, in fen, half a fen rounded up.
/// </summary>
public static class TransferFund
{
    public const int MinimumPaidMonths = 12;

    public static long Amount(int monthsPaidHere, long monthlyBenefitFen, int monthsDue) =>
        monthsPaidHere < MinimumPaidMonths ? 0 : (monthlyBenefitFen * monthsDue * 3 + 1) / 2;
}
