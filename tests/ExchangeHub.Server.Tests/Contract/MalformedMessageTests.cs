using ExchangeHub.AuditLog;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Issue 13, items 2 and 3: a message that is not valid protobuf answers INVALID_ARGUMENT (BadRequest naming the
/// message, ErrorInfo MALFORMED_MESSAGE) and is audited with that outcome, unary or stream; a stream is opened in the
/// audit chain before its records are stored and closed naming its opening entry; a feed reply carries its audit entry.
/// The byte strings are the issue's own examples.
/// </summary>
public abstract class MalformedMessageTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(provider);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private AuditDatabase Audit => new(provider == StorageProvider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, _hub.Database.ConnectionString);

    [Fact]
    public async Task Unary_InvalidUtf8_InvalidArgumentMalformedMessage_Audited()
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, RefundService.Descriptor.FullName, "GetRefundDecision", Bytes, Bytes);
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _hub.Channel(TestHub.OperatorToken).CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), Convert.FromHexString("0a03eda08010e80f")).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "MALFORMED_MESSAGE"), ErrorDetails.Of(ex));
        Assert.Equal("request", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        var last = (await EntriesAsync())[^1];
        Assert.Equal(("/exchangehub.v1.RefundService/GetRefundDecision", "InvalidArgument"), (last.Method, last.Outcome));
    }

    [Fact]
    public async Task Stream_SecondMessageTruncated_InvalidArgumentNamingItsIndex_FirstBatchStored_AuditedOpenedAndClosed()
    {
        var method = new Method<byte[], byte[]>(MethodType.ClientStreaming, TaxFeedService.Descriptor.FullName, "PushContributions", Bytes, Bytes);
        using var call = _hub.Channel(TestHub.TaxToken).CreateCallInvoker().AsyncClientStreamingCall(method, null, new CallOptions());
        await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Records.Line("mf-1") } }.ToByteArray());
        await call.RequestStream.WriteAsync(Convert.FromHexString("0aff"));
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "MALFORMED_MESSAGE"), ErrorDetails.Of(ex));
        Assert.Equal("1", ErrorDetails.Info(ex).Metadata["message_index"]);
        Assert.Equal("request[1]", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(1, await _hub.Database.ScalarAsync("SELECT COUNT(*) FROM contribution_lines WHERE source_record_id = 'mf-1'"));
        var entries = await EntriesAsync();
        var opened = entries.Single(e => e.Method.EndsWith("/PushContributions", StringComparison.Ordinal) && e.Outcome == "STARTED");
        var closed = entries[^1];
        Assert.Equal(("InvalidArgument", 1L), (closed.Outcome, closed.Accepted));
        Assert.StartsWith($"opened #{opened.Sequence}; ", closed.Detail, StringComparison.Ordinal);
        Assert.True((await Audit.VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task FeedReply_CarriesItsClosingAuditEntry()
    {
        var client = new TaxFeedService.TaxFeedServiceClient(_hub.Channel(TestHub.TaxToken));
        using var call = client.PushSettlements();
        await call.RequestStream.WriteAsync(new PushSettlementsRequest { Statuses = { Records.Settlement("mf-s") } });
        await call.RequestStream.CompleteAsync();
        var summary = (await call.ResponseAsync).Summary;

        var closing = (await EntriesAsync()).Single(e => e.Sequence == summary.AuditSequence);
        Assert.Equal(("OK", closing.Hash, 1L), (closing.Outcome, summary.AuditEntryHash, closing.Accepted));
        Assert.Contains(await EntriesAsync(), e => e.Outcome == "STARTED" && closing.Detail == $"opened #{e.Sequence}");
    }

    private Task<List<AuditEntry>> EntriesAsync() => EntriesAsync(Audit);

    /// <summary>The audit rows in sequence order (the fields these tests compare).</summary>
    internal static async Task<List<AuditEntry>> EntriesAsync(AuditDatabase audit)
    {
        await using var connection = await audit.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditLogTable.Columns} FROM {AuditLogTable.Name} ORDER BY sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditEntry
            {
                Sequence = reader.GetInt64(0), Method = reader.GetString(3), Outcome = reader.GetString(4), Detail = reader.GetString(5),
                Accepted = reader.GetInt64(7), Hash = reader.GetString(13),
            });
        }
        return entries;
    }
}

[Trait("storage", "sqlite")]
public sealed class SqliteMalformedMessageTests() : MalformedMessageTests(StorageProvider.Sqlite);

[Trait("storage", "postgres")]
public sealed class PostgresMalformedMessageTests() : MalformedMessageTests(StorageProvider.Postgres);
