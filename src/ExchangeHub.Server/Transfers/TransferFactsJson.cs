using System.Text.Json;
using ExchangeHub.Policy;
using ExchangeHub.Server.Facts;

namespace ExchangeHub.Server.Transfers;

/// <summary>
/// The facts a transfer case was decided on, stored with it (3.(4): reproducible), naming the person by key only: a
/// transfer-out's months paid here as of its request date (which decide whether money moves, 2.(4)) with the amounts
/// the operator gave; an incoming request's feed record as the operator decided it.
/// </summary>
public static class TransferFactsJson
{
    public static string Out(string personKey, DateOnly requestedOn, long knownAtUnixMs, IReadOnlySet<YearMonth> monthsPaidHere, long monthlyBenefitFen,
        int monthsDue) => JsonSerializer.Serialize(new
    {
        PersonId = personKey,
        DecisionDate = requestedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        KnownAtUnixMs = knownAtUnixMs,
        MonthsPaidHere = monthsPaidHere.Order().Select(m => m.ToString()).ToList(),
        MonthlyBenefitFen = monthlyBenefitFen,
        MonthsDue = monthsDue,
    });

    public static string In(string personKey, FeedTransferRequest request, string? reasonCode) => JsonSerializer.Serialize(new
    {
        PersonId = personKey,
        request.TransferId,
        request.CounterpartProvinceCode,
        request.ConsolidationPlace,
        RequestedOn = request.RequestedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ReasonCode = reasonCode,
    });
}
