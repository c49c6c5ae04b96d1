using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Feeds.Validation;
using ExchangeHub.V1;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// The one ingestion loop every feed uses: read a batch, check the call is well-formed, validate each record,
/// write the good ones in one transaction, collect rejections, repeat. A malformed call (empty or oversized batch,
/// no batch at all) fails with INVALID_ARGUMENT and field violations; the batches before it stay stored, and a retry
/// of the whole stream is idempotent.
/// </summary>
public sealed class FeedIngestor(
    FeedRecordWriter writer,
    IOptions<HubOptions> options,
    TimeProvider clock,
    ILogger<FeedIngestor> logger)
{
    private readonly IngestionOptions _options = options.Value.Ingestion;
    private readonly int _earliestPeriod = ParseEarliest(options.Value.Ingestion.EarliestPeriod);

    public async Task<IngestSummary> IngestAsync<TRequest, TRecord>(
        IAsyncStreamReader<TRequest> stream,
        Func<TRequest, RepeatedField<TRecord>> recordsOf,
        string recordsField,
        IFeedKind<TRecord> kind,
        ServerCallContext context)
    {
        var call = ExchangeCall.Of(context);
        var ct = context.CancellationToken;
        var summary = new IngestSummary();
        var batchIndex = -1L;
        while (await stream.MoveNext(ct))
        {
            batchIndex++;
            var records = recordsOf(stream.Current);
            CheckBatchSize(records.Count, recordsField, batchIndex);

            var validation = ValidationContext.At(clock.GetUtcNow(), _earliestPeriod);
            var pending = new List<PendingRecord>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var sourceId = kind.SourceRecordId(record);
                var revision = kind.Revision(record);
                object?[] values = [];
                var fault = Fields.Code("source_record_id", sourceId, 64)
                    ?? Fields.Revision("revision", revision)
                    ?? kind.Validate(record, validation, out values);
                if (fault is null)
                {
                    pending.Add(new PendingRecord(batchIndex, i, sourceId, revision, values));
                }
                else
                {
                    AddRejection(summary, batchIndex, i, sourceId, fault);
                }
            }

            var outcome = await writer.WriteAsync(kind.Table, call.Agency.Id, pending, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
            summary.Batches++;
            summary.Accepted += outcome.Accepted;
            summary.Duplicate += outcome.Duplicate;
            summary.Corrected += outcome.Corrected;
            foreach (var (record, fault) in outcome.Refused)
            {
                AddRejection(summary, record.BatchIndex, record.RecordIndex, record.SourceRecordId, fault);
            }
            Report(call, summary);
        }

        if (summary.Batches == 0)
        {
            throw FeedErrors.InvalidArgument("the stream carried no batch", recordsField,
                $"send at least one message with 1 to {_options.MaxRecordsPerBatch} records");
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
            "{Method} from {Agency}: {Batches} batches, {Accepted} accepted, {Duplicate} duplicate, {Corrected} corrected, {Rejected} rejected",
            call.Method, call.Agency.Id, summary.Batches, summary.Accepted, summary.Duplicate, summary.Corrected, summary.Rejected);
        }
        return summary;
    }

    private void CheckBatchSize(int count, string recordsField, long batchIndex)
    {
        if (count == 0 || count > _options.MaxRecordsPerBatch)
        {
            throw FeedErrors.InvalidArgument($"batch {batchIndex} is malformed", recordsField,
                $"a batch carries 1 to {_options.MaxRecordsPerBatch} records; batch {batchIndex} has {count}");
        }
    }

    private static void AddRejection(IngestSummary summary, long batchIndex, int recordIndex, string sourceId, RecordFault fault)
    {
        summary.Rejected++;
        summary.Rejections.Add(new RecordRejection
        {
            SourceRecordId = sourceId.Length <= 64 ? sourceId : sourceId[..64],
            BatchIndex = batchIndex,
            RecordIndex = recordIndex,
            Field = fault.Field,
            ReasonCode = fault.ReasonCode,
            Message = fault.Message,
        });
    }

    private static void Report(ExchangeCall call, IngestSummary summary)
    {
        call.Batches = summary.Batches;
        call.Accepted = summary.Accepted;
        call.Duplicate = summary.Duplicate;
        call.Corrected = summary.Corrected;
        call.Rejected = summary.Rejected;
    }

    private static int ParseEarliest(string period)
    {
        var context = new ValidationContext(DateOnly.MaxValue, 0);
        return Fields.Period("Hub:Ingestion:EarliestPeriod", period, context, out var value) is { } fault
            ? throw new InvalidOperationException(fault.Message)
            : value;
    }
}
