using ExchangeHub.V1;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The concrete reasons a transfer is refused (2.(4): never "already transferred out" or "not supported"). The contract's
/// <see cref="TransferReasonCode"/> maps one to one onto these stable names.
/// </summary>
public static class TransferReasonCodes
{
    public const string PersonUnknown = "TRANSFER_PERSON_UNKNOWN";
    public const string PeriodsOverlapUnresolved = "TRANSFER_PERIODS_OVERLAP_UNRESOLVED";
    public const string DuplicateRequest = "TRANSFER_DUPLICATE_REQUEST";
    public const string PeriodsIncomplete = "TRANSFER_PERIODS_INCOMPLETE";
    public const string ConsolidationPlaceInvalid = "TRANSFER_CONSOLIDATION_PLACE_INVALID";

    /// <summary>The code's name; null for UNSPECIFIED or a number the contract does not define.</summary>
    public static string? Of(TransferReasonCode code) => code switch
    {
        TransferReasonCode.TransferPersonUnknown => PersonUnknown,
        TransferReasonCode.TransferPeriodsOverlapUnresolved => PeriodsOverlapUnresolved,
        TransferReasonCode.TransferDuplicateRequest => DuplicateRequest,
        TransferReasonCode.TransferPeriodsIncomplete => PeriodsIncomplete,
        TransferReasonCode.TransferConsolidationPlaceInvalid => ConsolidationPlaceInvalid,
        _ => null,
    };

    /// <summary>The contract value of a stored code name (UNSPECIFIED for null).</summary>
    public static TransferReasonCode ToContract(string? code) => code switch
    {
        PersonUnknown => TransferReasonCode.TransferPersonUnknown,
        PeriodsOverlapUnresolved => TransferReasonCode.TransferPeriodsOverlapUnresolved,
        DuplicateRequest => TransferReasonCode.TransferDuplicateRequest,
        PeriodsIncomplete => TransferReasonCode.TransferPeriodsIncomplete,
        ConsolidationPlaceInvalid => TransferReasonCode.TransferConsolidationPlaceInvalid,
        _ => TransferReasonCode.Unspecified,
    };
}
