using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// Where the pipelined relay (<c>Hub:Messaging:Pipelined</c>) may not run, the hub does not start and says why: on
/// PostgreSQL (it claims no rows, so two replicas would publish the same rows) and without the direct path it publishes on.
/// Its behaviour with the broker runs in the relay tests' bodies (their <c>pipelined</c> cases).
/// </summary>
public sealed class PipelinedRelayOptionsTests
{
    [Theory]
    [InlineData(StorageProvider.Postgres, true, "is not supported on PostgreSQL")]
    [InlineData(StorageProvider.Sqlite, false, "needs Hub:Messaging:DirectPublish = true")]
    public async Task Pipelined_WhereItCannotRun_HubDoesNotStart(StorageProvider provider, bool direct, string reason)
    {
        var settings = RelaySettings.For(pipelined: true);
        settings["Hub:Messaging:DirectPublish"] = direct ? "true" : "false";

        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var hub = await TestHub.StartAsync(provider, settings);
        });

        Assert.Contains("Hub:Messaging:Pipelined " + reason, ex?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65537")]
    public async Task Pipelined_WindowOutOfRange_HubDoesNotStart(string window)
    {
        var settings = RelaySettings.For(pipelined: true);
        settings["Hub:Messaging:PipelineWindow"] = window;

        var ex = await Record.ExceptionAsync(async () =>
        {
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, settings);
        });

        Assert.Contains("Hub:Messaging:PipelineWindow must be between 1 and 65536", ex?.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Unset switches (the defaults): the pipelined relay on the direct path on SQLite (issue 14 item 5), rounds through
    /// MassTransit on PostgreSQL; DirectPublish = false on SQLite keeps rounds through MassTransit; DirectPublish = true
    /// on PostgreSQL gives rounds on the direct path. Explicit values are kept.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite, null, null, true, true)]
    [InlineData(StorageProvider.Postgres, null, null, false, false)]
    [InlineData(StorageProvider.Sqlite, "false", null, false, false)]
    [InlineData(StorageProvider.Postgres, "true", null, false, true)]
    [InlineData(StorageProvider.Sqlite, "true", "false", false, true)]
    public async Task UnsetSwitches_ResolvedByStorage(StorageProvider provider, string? direct, string? pipelined, bool pipelinedLoop, bool directPath)
    {
        var settings = new Dictionary<string, string?> { ["Hub:Messaging:Enabled"] = "false" };
        if (direct is not null)
        {
            settings["Hub:Messaging:DirectPublish"] = direct;
        }
        if (pipelined is not null)
        {
            settings["Hub:Messaging:Pipelined"] = pipelined;
        }
        await using var hub = await TestHub.StartAsync(provider, settings);

        var options = hub.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        Assert.Equal((pipelinedLoop, directPath), (options.PipelinedLoop, options.Direct));
    }
}
