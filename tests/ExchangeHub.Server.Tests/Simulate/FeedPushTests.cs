using ExchangeHub.Cli.Simulate;
using ExchangeHub.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Simulate;

/// <summary>How <c>simulate</c> cuts a feed into stream messages: by record count and under the hub's 4 MiB limit.</summary>
public sealed class FeedPushTests
{
    private const int HubMaxMessageBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task RunAsync_LargeRecords_BatchesStayUnder4MiB()
    {
        // 200 Chinese characters: about 600 bytes of name per record, 6 MB for 10,000 records.
        var records = Enumerable.Range(0, 10_000).Select(i => new UnitRecord { SourceRecordId = $"big-{i}", Revision = 1, Name = new string('单', 200) });
        var writer = new CollectingWriter<PushUnitsRequest>();
        var sent = 0;

        var summary = await FeedPush.RunAsync(Call(writer), records, b => new PushUnitsRequest { Units = { b } }, r => r.Summary,
            batchSize: 10_000, n => sent += n, CancellationToken.None);

        Assert.Equal(7, summary.Accepted);
        Assert.True(writer.Messages.Count >= 2, $"{writer.Messages.Count} batches");
        Assert.All(writer.Messages, m => Assert.InRange(m.CalculateSize(), 1, FeedPush.MaxBatchBytes));
        Assert.All(writer.Messages, m => Assert.True(m.CalculateSize() < HubMaxMessageBytes));
        Assert.Equal(10_000, writer.Messages.Sum(m => m.Units.Count));
        Assert.Equal(10_000, sent);
        Assert.True(writer.Completed);
    }

    [Fact]
    public async Task RunAsync_SmallRecords_BatchesOfTheBatchSize()
    {
        var records = Enumerable.Range(0, 2_500).Select(i => new UnitRecord { SourceRecordId = $"u-{i}", Revision = 1 });
        var writer = new CollectingWriter<PushUnitsRequest>();

        await FeedPush.RunAsync(Call(writer), records, b => new PushUnitsRequest { Units = { b } }, r => r.Summary, batchSize: 1_000, _ => { },
            CancellationToken.None);

        Assert.Equal([1_000, 1_000, 500], writer.Messages.Select(m => m.Units.Count));
    }

    private static AsyncClientStreamingCall<PushUnitsRequest, PushUnitsResponse> Call(CollectingWriter<PushUnitsRequest> writer) => new(
        writer, Task.FromResult(new PushUnitsResponse { Summary = new IngestSummary { Accepted = 7 } }), Task.FromResult(new Metadata()),
        () => Status.DefaultSuccess, () => [], () => { });

    private sealed class CollectingWriter<T> : IClientStreamWriter<T>
        where T : IMessage<T>
    {
        public List<T> Messages { get; } = [];
        public bool Completed { get; private set; }
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message)
        {
            // The batch list is handed over: a copy shows what went on the wire at this moment.
            Messages.Add(message.Clone());
            return Task.CompletedTask;
        }

        public Task CompleteAsync()
        {
            Completed = true;
            return Task.CompletedTask;
        }
    }
}
