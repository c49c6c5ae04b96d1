using ExchangeHub.Server.Common.Validation;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// One kind of record an agency pushes: where it is stored, how it is validated and how its fields map to columns.
/// The identity fields (source record id, revision) are checked by <see cref="FeedIngestor"/> for every kind.
/// </summary>
public interface IFeedKind<in TRecord>
{
    FeedTable Table { get; }

    string SourceRecordId(TRecord record);

    int Revision(TRecord record);

    /// <summary>
    /// Validates the record's own fields in field-number order and returns the first fault, or null; when valid,
    /// <paramref name="values"/> holds the column values in <see cref="FeedTable.Columns"/> order.
    /// </summary>
    RecordFault? Validate(TRecord record, ValidationContext context, out object?[] values);
}
