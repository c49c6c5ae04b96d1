using ExchangeHub.Server.Configuration;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// The real hub (Kestrel, HTTP/2, the production pipeline) on 127.0.0.1 with a random port, over a real database,
/// configured with the development agencies of appsettings.json. Tests talk to it with generated gRPC clients.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    public const string TaxToken = "dev-tax-token";
    public const string MarketToken = "dev-market-token";
    public const string TransferToken = "dev-transfer-token";
    public const string OperatorToken = "dev-operator-token";
    public const string SkillToken = "dev-skill-token";

    private readonly WebApplication _app;
    private readonly List<GrpcChannel> _channels = [];

    private readonly bool _ownsDatabase;

    private TestHub(WebApplication app, TestDatabase database, CapturedLogs logs, bool ownsDatabase)
    {
        _app = app;
        _ownsDatabase = ownsDatabase;
        Database = database;
        Logs = logs;
        Address = new Uri(app.Urls.First());
    }

    public TestDatabase Database { get; }
    public CapturedLogs Logs { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<TestHub> StartAsync(StorageProvider provider, Dictionary<string, string?>? settings = null,
        TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return await StartAsync(database, settings, clock);
    }

    /// <summary>
    /// A hub over <paramref name="database"/>; it drops the database when disposed unless <paramref name="ownsDatabase"/>
    /// is false (a second replica on the same database).
    /// </summary>
    public static async Task<TestHub> StartAsync(TestDatabase database, Dictionary<string, string?>? settings = null,
        TimeProvider? clock = null, string url = "http://127.0.0.1:0", bool ownsDatabase = true)
    {
        var logs = new CapturedLogs();
        var app = HubApp.Build(["--urls", url, "--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Storage:Provider"] = database.Provider.ToString(),
                ["Hub:Storage:ConnectionString"] = database.ConnectionString,
                // Decisions that follow the data (on in appsettings.json) would re-decide behind the tests that correct
                // facts after a run; Reconciliation/FollowupTests switch them on.
                ["Hub:Decisions:Follow"] = "false",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
            // The hub's own console log would flood the test output; tests read the captured lines instead.
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        await app.StartHubAsync();
        return new TestHub(app, database, logs, ownsDatabase);
    }

    /// <summary>A channel that sends <paramref name="token"/> as the agency's bearer token (null: no credentials).</summary>
    public GrpcChannel Channel(string? token)
    {
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (token is not null)
            {
                metadata.Add("authorization", "Bearer " + token);
            }
            return Task.CompletedTask;
        });
        var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
        });
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Stops the hub and leaves its database for a hub started after it (a restart).</summary>
    public async ValueTask StopKeepingDatabaseAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopKeepingDatabaseAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
