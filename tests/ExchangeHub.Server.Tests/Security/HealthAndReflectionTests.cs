using ExchangeHub.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>Standard gRPC tools work without credentials: health checking and server reflection.</summary>
[Trait("storage", "sqlite")]
public sealed class HealthAndReflectionTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    [Fact]
    public async Task HealthCheck_WithoutCredentials_Serving()
    {
        var client = new Health.HealthClient(fixture.Hub.Channel(null));
        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesEveryFeed()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Hub.Channel(null));
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("exchangehub.v1.TaxFeedService", names);
        Assert.Contains("exchangehub.v1.MarketRegulationFeedService", names);
        Assert.Contains("exchangehub.v1.TransferFeedService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }
}
