using ExchangeHub.Server.Common.Validation;
using ExchangeHub.Server.Storage;
using ExchangeHub.V1;

namespace ExchangeHub.Server.Feeds;

/// <summary>Tax bureaus' per-unit monthly settlement statuses → <c>settlement_statuses</c>.</summary>
public sealed class SettlementStatusKind : IFeedKind<SettlementStatusRecord>
{
    public FeedTable Table { get; } = new("settlement_statuses", ["uscc", "period", "status", "status_date"],
        appliesFromColumn: "status_date", unitColumn: "uscc");

    public string SourceRecordId(SettlementStatusRecord record) => record.SourceRecordId;

    public int Revision(SettlementStatusRecord record) => record.Revision;

    public RecordFault? Validate(SettlementStatusRecord r, ValidationContext context, out object?[] values)
    {
        values = [];
        int period = 0;
        DateOnly statusDate = default;
        var fault = Uscc.Check("uscc", r.Uscc)
            ?? Fields.Period("period", r.Period, context, out period)
            ?? Fields.Enum("status", r.Status)
            ?? Fields.Date("status_date", r.StatusDate, context, out statusDate);
        if (fault is not null)
        {
            return fault;
        }
        values = [r.Uscc, period, StoredCode.Of(r.Status), statusDate];
        return null;
    }
}
