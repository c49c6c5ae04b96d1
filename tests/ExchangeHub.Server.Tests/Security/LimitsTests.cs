using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using ExchangeHub.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>
/// Hub:Limits against hostile clients (issue 13, item 6), through the real hub (Kestrel, HTTP/2) with its limits lowered:
/// silent and trickling connections and streams are closed, one agency cannot hold more than its cap of calls, and
/// every way a call ends gives its slot back.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class LimitsTests(LimitsHubFixture fixture) : IClassFixture<LimitsHubFixture>
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    private TestHub Hub => fixture.Hub;

    private AgencyCalls Calls => Hub.Services.GetRequiredService<AgencyCalls>();

    [Theory]
    [InlineData(0, 0)] // connects and sends nothing
    [InlineData(1, 500)] // trickles the HTTP/2 preface, a byte every 500 ms
    public async Task Connection_NoPrefaceOrTrickledPreface_ClosedAfterConnectionIdleTimeout(int bytesPerSend, int intervalMs)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Hub.Address.Port);
        var stream = client.GetStream();
        var started = Stopwatch.StartNew();
        using var trickle = new CancellationTokenSource();
        var sending = bytesPerSend == 0 ? Task.CompletedTask : Task.Run(async () =>
        {
            var preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
            try
            {
                for (var i = 0; i < preface.Length - 1 && !trickle.IsCancellationRequested; i++)
                {
                    await stream.WriteAsync(preface.AsMemory(i, 1), trickle.Token);
                    await Task.Delay(intervalMs, trickle.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // closed by the hub: what the test waits for
            }
        });

        var closed = await ReadUntilClosedAsync(stream, LimitsHubFixture.ConnectionIdle + Slack);
        await trickle.CancelAsync();
        await sending;

        Assert.True(closed, "the hub kept a connection without an HTTP/2 preface open");
        Assert.InRange(started.Elapsed, LimitsHubFixture.ConnectionIdle - TimeSpan.FromMilliseconds(500), LimitsHubFixture.ConnectionIdle + Slack);
    }

    [Fact]
    public async Task FeedStream_IdlePastStreamIdleTimeout_DeadlineExceededAndItsSlotFreed()
    {
        var client = new TaxFeedService.TaxFeedServiceClient(Hub.Channel(TestHub.TaxToken));
        using var call = client.PushContributions();
        await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Records.Line("limits-idle-1") } });
        var started = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal((LimitedStreamReader<object>.IdleReason, "3"), Reason(ex, "timeout_seconds"));
        Assert.InRange(started.Elapsed, LimitsHubFixture.StreamIdle - TimeSpan.FromMilliseconds(500), LimitsHubFixture.StreamIdle + Slack);
        await WaitForOpenCallsAsync("dev-tax", 0);
    }

    /// <summary>A byte every 2 s never completes a message: the stream is ended when the idle timeout runs out.</summary>
    [Fact]
    public async Task FeedStream_TricklingAByteEvery2Seconds_Closed()
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Hub.Address, "/exchangehub.v1.TaxFeedService/PushContributions"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new TricklingContent(TimeSpan.FromSeconds(2)),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + TestHub.TaxToken);
        var started = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(LimitsHubFixture.StreamIdle + Slack);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await response.Content.ReadAsByteArrayAsync(timeout.Token);

        var status = response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
            : response.TrailingHeaders.GetValues("grpc-status").Single();
        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.InRange(started.Elapsed, LimitsHubFixture.StreamIdle - TimeSpan.FromMilliseconds(500), LimitsHubFixture.StreamIdle + Slack);
    }

    [Fact]
    public async Task FeedStream_OpenPastMaxStreamDuration_DeadlineExceededAtTheNextRead()
    {
        var client = new TaxFeedService.TaxFeedServiceClient(Hub.Channel(TestHub.TaxToken));
        using var call = client.PushContributions();
        var started = Stopwatch.StartNew();
        RpcException? ended = null;
        for (var i = 0; ended is null && started.Elapsed < LimitsHubFixture.StreamDuration + Slack; i++)
        {
            try
            {
                await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Records.Line($"limits-duration-{i}") } });
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
            {
                ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            }
        }

        Assert.NotNull(ended);
        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);
        Assert.Equal((LimitedStreamReader<object>.DurationReason, "5"), Reason(ended, "timeout_seconds"));
        Assert.InRange(started.Elapsed, LimitsHubFixture.StreamDuration, LimitsHubFixture.StreamDuration + Slack);
    }

    [Fact]
    public async Task AgencyCap_NPlus1stCallOfOneAgency_ResourceExhaustedWhileAnotherAgencyIsServed()
    {
        var tax = new TaxFeedService.TaxFeedServiceClient(Hub.Channel("tax-2-token"));
        var open = Enumerable.Range(0, LimitsHubFixture.StreamsPerAgency).Select(_ => tax.PushContributions()).ToList();
        try
        {
            foreach (var (call, i) in open.Select((c, i) => (c, i)))
            {
                await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Records.Line($"limits-cap-{i}") } });
            }
            await WaitForOpenCallsAsync("tax-2", LimitsHubFixture.StreamsPerAgency);

            // Refused on its headers: nothing is written, so the answer cannot race a write into a closed stream.
            using var third = tax.PushContributions();
            var refused = await Assert.ThrowsAsync<RpcException>(() => third.ResponseAsync);
            Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
            Assert.Equal((CallLimitsInterceptor.AgencyLimitReason, "2"), Reason(refused, "limit"));

            // Another agency, also a tax bureau on the same hub, is still served.
            Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel("tax-3-token"), [Records.Line("limits-cap-other")])).Batches);

            foreach (var call in open)
            {
                await call.RequestStream.CompleteAsync();
                Assert.Equal(1, (await call).Summary.Batches);
            }
            await WaitForOpenCallsAsync("tax-2", 0);
            Assert.Equal(1, (await Infrastructure.Feeds.PushLinesAsync(Hub.Channel("tax-2-token"), [Records.Line("limits-cap-after")])).Batches);
        }
        finally
        {
            open.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task AgencyCap_StreamsCancelledByTheClient_SlotsFreed()
    {
        var tax = new TaxFeedService.TaxFeedServiceClient(Hub.Channel("tax-3-token"));
        var open = Enumerable.Range(0, LimitsHubFixture.StreamsPerAgency).Select(_ => tax.PushContributions()).ToList();
        foreach (var (call, i) in open.Select((c, i) => (c, i)))
        {
            await call.RequestStream.WriteAsync(new PushContributionsRequest { Lines = { Records.Line($"limits-cancel-{i}") } });
        }
        await WaitForOpenCallsAsync("tax-3", LimitsHubFixture.StreamsPerAgency);

        open.ForEach(c => c.Dispose());

        await WaitForOpenCallsAsync("tax-3", 0);
    }

    [Theory]
    [InlineData("Max open files            1024                 4096                 files", 1024L)]
    [InlineData("Max open files            unlimited            unlimited            files", null)]
    [InlineData("Max processes             1024                 4096                 processes", null)]
    public void FileLimit_ProcLimitsLine_SoftLimit(string line, long? soft) =>
        Assert.Equal(soft, FileLimit.Parse(["Limit                     Soft Limit           Hard Limit           Units", line]));

    /// <summary>Connections stay below the file limit minus the reserve; a configured cap above that is lowered, 0 means "the bound".</summary>
    [Theory]
    [InlineData(1024L, 0L, 768L)]
    [InlineData(1024L, 100L, 100L)]
    [InlineData(1024L, 5000L, 768L)]
    [InlineData(300L, 0L, 150L)]
    [InlineData(null, 0L, null)]
    [InlineData(null, 500L, 500L)]
    public void ConnectionBudget_FileLimitAndConfigured_CapBelowTheFileLimit(long? fileLimit, long configured, long? max)
    {
        var limits = new Server.Configuration.LimitsOptions { MaxConcurrentConnections = configured };
        Assert.Equal(max, ConnectionBudget.From(limits, fileLimit).MaxConnections);
    }

    private static (string Reason, string Value) Reason(RpcException ex, string key)
    {
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal("exchangehub.v1", info.Domain);
        return (info.Reason, info.Metadata[key]);
    }

    private async Task WaitForOpenCallsAsync(string agency, int expected)
    {
        var until = DateTime.UtcNow + Slack;
        while (Calls.Open(agency) != expected && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        Assert.Equal(expected, Calls.Open(agency));
    }

    private static async Task<bool> ReadUntilClosedAsync(NetworkStream stream, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
                // a GOAWAY before the close is fine
            }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
