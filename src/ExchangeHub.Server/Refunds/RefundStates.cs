using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Refunds;

/// <summary>
/// The one map between the workflow's <see cref="RefundState"/> and what <c>refund_cases.state</c> holds
/// (<see cref="StoredRefundState"/>): written out, so renaming an enum member cannot change stored data.
/// </summary>
public static class RefundStates
{
    public static string ToStored(RefundState state) => state switch
    {
        RefundState.Offered => StoredRefundState.Offered,
        RefundState.AwaitingApplication => StoredRefundState.AwaitingApplication,
        RefundState.DisbursementApproved => StoredRefundState.DisbursementApproved,
        RefundState.Waived => StoredRefundState.Waived,
        RefundState.Held => StoredRefundState.Held,
        RefundState.Ineligible => StoredRefundState.Ineligible,
        RefundState.Undetermined => StoredRefundState.Undetermined,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no stored spelling for this refund state"),
    };

    public static RefundState FromStored(string stored) => stored switch
    {
        StoredRefundState.Offered => RefundState.Offered,
        StoredRefundState.AwaitingApplication => RefundState.AwaitingApplication,
        StoredRefundState.DisbursementApproved => RefundState.DisbursementApproved,
        StoredRefundState.Waived => RefundState.Waived,
        StoredRefundState.Held => RefundState.Held,
        StoredRefundState.Ineligible => RefundState.Ineligible,
        StoredRefundState.Undetermined => RefundState.Undetermined,
        _ => throw new InvalidDataException($"refund_cases.state '{stored}' is not a refund state"),
    };
}
