using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The one spelling of a case's status and direction (<see cref="StoredTransferCase"/>): the stored text, which is also
/// the text of the published events and of refusal messages. Each member's text is written out (renaming a member cannot
/// change stored data) and read back through the same list, inverted; an unknown stored text is an error, never a default.
/// </summary>
public static class TransferCodes
{
    /// <summary>The events' names of the consolidation places.</summary>
    public const string LastInsured = "LAST_INSURED";
    public const string HouseholdRegistration = "HOUSEHOLD_REGISTRATION";

    // The way back is the way there, inverted: one list of spellings, not two.
    private static readonly Dictionary<string, TransferCaseStatus> Statuses =
        Enum.GetValues<TransferCaseStatus>().ToDictionary(Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, TransferCaseDirection> Directions =
        Enum.GetValues<TransferCaseDirection>().ToDictionary(Name, StringComparer.Ordinal);

    public static string Name(TransferCaseStatus status) => status switch
    {
        TransferCaseStatus.Requested => StoredTransferCase.Requested,
        TransferCaseStatus.Accepted => StoredTransferCase.Accepted,
        TransferCaseStatus.Sent => StoredTransferCase.Sent,
        TransferCaseStatus.Received => StoredTransferCase.Received,
        TransferCaseStatus.Completed => StoredTransferCase.Completed,
        TransferCaseStatus.Refused => StoredTransferCase.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a transfer status"),
    };

    public static TransferCaseStatus Status(string stored) =>
        Statuses.TryGetValue(stored, out var status) ? status
        : throw new InvalidOperationException($"transfer_cases.status {stored} is not a transfer status");

    public static string Name(TransferCaseDirection direction) => Codes(direction).Name;

    public static TransferCaseDirection Direction(string stored) =>
        Directions.TryGetValue(stored, out var direction) ? direction
        : throw new InvalidOperationException($"transfer_cases.direction {stored} is not a transfer direction");

    /// <summary>transfer_requests.direction of the feed's requests behind a case of <paramref name="direction"/>.</summary>
    public static int FeedDirection(TransferCaseDirection direction) => Codes(direction).Feed;

    /// <summary>The events' name of a consolidation place stored by the transfer feed (LAST_INSURED unless household registration, as before).</summary>
    public static string ConsolidationPlace(int stored) =>
        stored == StoredConsolidationPlace.HouseholdRegistration ? HouseholdRegistration : LastInsured;

    /// <summary>A direction's two stored spellings side by side: the case's text and the feed's number.</summary>
    private static (string Name, int Feed) Codes(TransferCaseDirection direction) => direction switch
    {
        TransferCaseDirection.In => (StoredTransferCase.In, StoredTransferDirection.In),
        TransferCaseDirection.Out => (StoredTransferCase.Out, StoredTransferDirection.Out),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "not a transfer direction"),
    };
}
