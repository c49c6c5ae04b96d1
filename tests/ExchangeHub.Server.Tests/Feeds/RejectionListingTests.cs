using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;

namespace ExchangeHub.Server.Tests.Feeds;

/// <summary>
/// A stream of many bad records: every one is counted, the first Hub:Ingestion:MaxRejectionsListed are listed and the
/// rest counted as not listed, so the reply stays small enough for the client; the good records are stored.
/// </summary>
[Trait("storage", "sqlite")]
public sealed class RejectionListingTests
{
    [Fact]
    public async Task PushContributions_MoreRejectionsThanTheLimit_FirstListedRestCountedGoodStored()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hub:Messaging:Enabled"] = "false",
            ["Hub:Ingestion:MaxRejectionsListed"] = "5",
        });
        var bad = Enumerable.Range(0, 8).Select(i => Records.Line($"bad-{i}", period: "2099-01")).ToList();
        var good = Enumerable.Range(0, 3).Select(i => Records.Line($"good-{i}", person: i + 1)).ToList();

        var summary = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), [.. bad.Take(4), .. good], [.. bad.Skip(4)]);

        Assert.Equal((3, 8, 5, 3), (summary.Accepted, summary.Rejected, summary.Rejections.Count, summary.RejectionsNotListed));
        Assert.Equal(["bad-0", "bad-1", "bad-2", "bad-3", "bad-4"], summary.Rejections.Select(r => r.SourceRecordId));
        Assert.Equal(3, await hub.Database.ScalarAsync("SELECT COUNT(*) FROM contribution_lines"));
    }

    [Fact]
    public async Task PushContributions_FewerRejectionsThanTheLimit_AllListedNoneUncounted()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hub:Messaging:Enabled"] = "false" });
        var bad = Enumerable.Range(0, 8).Select(i => Records.Line($"bad-{i}", period: "2099-01")).ToList();

        var summary = await Infrastructure.Feeds.PushLinesAsync(hub.Channel(TestHub.TaxToken), bad);

        Assert.Equal((8, 8, 0L), (summary.Rejected, summary.Rejections.Count, summary.RejectionsNotListed));
    }
}
