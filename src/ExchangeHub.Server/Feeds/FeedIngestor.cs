using System.Diagnostics;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Common.Validation;
using ExchangeHub.V1;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.Extensions.Options;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Telemetry;

namespace ExchangeHub.Server.Feeds;

/// <summary>
/// The one ingestion loop every feed uses: read a batch, check the call is well-formed, validate each record,
/// write the good ones in one transaction, collect rejections, repeat. A malformed call (empty or oversized batch,
/// no batch at all) fails with INVALID_ARGUMENT and field violations; the batches before it stay stored, and a retry
/// of the whole stream is idempotent.
/// </summary>
public sealed class FeedIngestor(
    FeedRecordWriter writer,
    HubMetrics metrics,
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
        var feed = kind.Table.Name;
        // A child of the gRPC call's request span: what the call stored, and the trace an outbox row it causes continues.
        using var activity = HubTelemetry.Source.StartActivity("feed " + feed);
        activity?.SetTag("exchangehub.feed", feed);
        activity?.SetTag("exchangehub.agency", call.Agency.Id);
        var summary = new IngestSummary();
        var batchIndex = -1L;
        var callStarted = Stopwatch.GetTimestamp();
        var writeTime = TimeSpan.Zero;
        // One batch is written while the next is received and validated: the database and the network both stay busy.
        Task<BatchResult>? writing = null;
        try
        {
            while (await stream.MoveNext(ct))
            {
                batchIndex++;
                var records = recordsOf(stream.Current);
                CheckBatchSize(records.Count, recordsField, batchIndex);
                var (pending, faults) = Validate(records, kind, call.Agency, batchIndex);
                if (writing is not null)
                {
                    writeTime += Complete(feed, summary, call, await WrittenAsync(writing, summary));
                }
                var table = kind.Table;
                var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                writing = Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await writer.WriteAsync(table, call.Agency.Id, pending, now, ct);
                    return new BatchResult(faults, outcome, Stopwatch.GetElapsedTime(started));
                }, ct);
            }
            if (writing is not null)
            {
                writeTime += Complete(feed, summary, call, await WrittenAsync(writing, summary));
                writing = null;
            }
        }
        finally
        {
            // Leaving early (malformed batch, cancelled call): let the batch in flight commit or roll back first; a
            // committed one is counted, so that the call's audit entry counts every record it stored.
            if (writing is not null
                && await writing.ContinueWith(static t => t.IsCompletedSuccessfully ? t.Result : null, CancellationToken.None,
                    TaskContinuationOptions.None, TaskScheduler.Default) is { } committed)
            {
                Complete(feed, summary, call, committed);
            }
        }

        activity?.SetTag("exchangehub.batches", summary.Batches);
        activity?.SetTag("exchangehub.records.accepted", summary.Accepted);
        activity?.SetTag("exchangehub.records.duplicate", summary.Duplicate);
        activity?.SetTag("exchangehub.records.corrected", summary.Corrected);
        activity?.SetTag("exchangehub.records.rejected", summary.Rejected);
        if (summary.Batches == 0)
        {
            throw RpcErrors.InvalidArgument("the stream carried no batch", recordsField,
                $"send at least one message with 1 to {_options.MaxRecordsPerBatch} records");
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
            "{Method} from {Agency}: {Batches} batches, {Accepted} accepted, {Duplicate} duplicate, {Corrected} corrected, {Rejected} rejected in {ElapsedMs} ms, {WriteMs} ms of it writing",
            call.Method, call.Agency.Id, summary.Batches, summary.Accepted, summary.Duplicate, summary.Corrected, summary.Rejected,
            (long)Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds, (long)writeTime.TotalMilliseconds);
        }
        return summary;
    }

    private (List<PendingRecord> Pending, List<(int Index, string SourceId, RecordFault Fault)> Faults) Validate<TRecord>(
        RepeatedField<TRecord> records, IFeedKind<TRecord> kind, AgencyIdentity agency, long batchIndex)
    {
        var validation = ValidationContext.At(clock.GetUtcNow(), _earliestPeriod) with { Divisions = agency.Divisions };
        var pending = new List<PendingRecord>(records.Count);
        var faults = new List<(int, string, RecordFault)>();
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
                faults.Add((i, sourceId, fault));
            }
        }
        return (pending, faults);
    }

    /// <summary>Adds a written batch to the summary: its rejections (validation and identity) in record order.</summary>
    private TimeSpan Complete(string feed, IngestSummary summary, ExchangeCall call, BatchResult result)
    {
        // Once per batch, not per record: the counters cost nothing next to the batch's transaction.
        metrics.FeedBatch(feed, result.Outcome.Accepted, result.Outcome.Duplicate, result.Outcome.Corrected,
            result.Faults.Select(f => f.Fault.ReasonCode).Concat(result.Outcome.Refused.Select(r => r.Fault.ReasonCode)), result.WriteTime);
        summary.Batches++;
        summary.Accepted += result.Outcome.Accepted;
        summary.Duplicate += result.Outcome.Duplicate;
        summary.Corrected += result.Outcome.Corrected;
        var rejections = result.Faults
            .Select(f => (f.Index, f.SourceId, f.Fault))
            .Concat(result.Outcome.Refused.Select(r => (Index: r.Record.RecordIndex, SourceId: r.Record.SourceRecordId, r.Fault)))
            .OrderBy(r => r.Index);
        var batchIndex = summary.Batches - 1;
        foreach (var (index, sourceId, fault) in rejections)
        {
            AddRejection(summary, batchIndex, index, sourceId, fault);
        }
        Report(call, summary);
        return result.WriteTime;
    }

    /// <summary>
    /// The written batch; when the storage failed (full, read-only, unreachable: <see cref="StorageFaults"/>), the call's
    /// error says which batch was not stored and what the batches before it stored — they are committed, and a retry
    /// of the whole stream is idempotent.
    /// </summary>
    private static async Task<BatchResult> WrittenAsync(Task<BatchResult> writing, IngestSummary summary)
    {
        try
        {
            return await writing;
        }
        catch (Exception ex) when (StorageFaults.Classify(ex) is { } fault)
        {
            var failed = summary.Batches;
            throw fault.ToRpcException($"batch {failed} was not stored; the {failed} batches before it are",
            [
                new("batch_index", Text(failed)),
                new("batches_stored", Text(failed)),
                new("records_stored", Text(summary.Accepted + summary.Duplicate + summary.Corrected)),
                new("records_rejected", Text(summary.Rejected)),
            ]);
        }
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record BatchResult(List<(int Index, string SourceId, RecordFault Fault)> Faults, BatchOutcome Outcome, TimeSpan WriteTime);

    private void CheckBatchSize(int count, string recordsField, long batchIndex)
    {
        if (count == 0 || count > _options.MaxRecordsPerBatch)
        {
            throw RpcErrors.InvalidArgument($"batch {batchIndex} is malformed", recordsField,
                $"a batch carries 1 to {_options.MaxRecordsPerBatch} records; batch {batchIndex} has {count}");
        }
    }

    private void AddRejection(IngestSummary summary, long batchIndex, int recordIndex, string sourceId, RecordFault fault)
    {
        summary.Rejected++;
        if (summary.Rejections.Count >= _options.MaxRejectionsListed)
        {
            summary.RejectionsNotListed++;
            return;
        }
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
