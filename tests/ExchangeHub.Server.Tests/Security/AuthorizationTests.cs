using ExchangeHub.Server.Security;
using ExchangeHub.Server.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>Authentication and authorisation for every method of every service, through the real hub.</summary>
[Trait("storage", "sqlite")]
public sealed class AuthorizationTests(SqliteHubFixture fixture) : IClassFixture<SqliteHubFixture>
{
    private static readonly Dictionary<string, string> TokenOfRole = new()
    {
        [Roles.TaxBureau] = TestHub.TaxToken,
        [Roles.MarketRegulation] = TestHub.MarketToken,
        [Roles.TransferSystem] = TestHub.TransferToken,
        [Roles.SkillCertification] = TestHub.SkillToken,
        [Roles.HrssOperator] = TestHub.OperatorToken,
    };

    public static TheoryData<string> Methods => new(MethodRoles.Methods.Order(StringComparer.Ordinal));

    [Fact]
    public void MethodRoles_EveryMethodOfEveryService_HasRoles()
    {
        var services = typeof(ExchangeHub.V1.TaxFeedService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<ServiceDescriptor>()
            .ToList();
        Assert.NotEmpty(services);
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            var path = $"/{method.Service.FullName}/{method.Name}";
            Assert.True(MethodRoles.Allowed(path).Count > 0, $"{path} has no role in MethodRoles");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Call_WithoutCredentials_Unauthenticated(string method)
    {
        var status = await RawCall.InvokeAsync(fixture.Hub.Channel(null), method);
        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Call_WithUnknownToken_Unauthenticated(string method)
    {
        var status = await RawCall.InvokeAsync(fixture.Hub.Channel("not-a-configured-token"), method);
        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Call_WithEveryOtherRole_PermissionDeniedNamingTheRequiredRole(string method)
    {
        var allowed = MethodRoles.Allowed(method);
        foreach (var (role, token) in TokenOfRole.Where(r => !allowed.Contains(r.Key)))
        {
            var status = await RawCall.InvokeAsync(fixture.Hub.Channel(token), method);
            Assert.True(StatusCode.PermissionDenied == status.StatusCode, $"{role} calling {method}: {status}");
            Assert.Contains(allowed[0], status.Detail, StringComparison.Ordinal);
        }
        var noRole = await RawCall.InvokeAsync(fixture.Hub.Channel("no-role-token"), method);
        Assert.Equal(StatusCode.PermissionDenied, noRole.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Call_WithTheRequiredRole_ReachesTheMethod(string method)
    {
        var status = await RawCall.InvokeAsync(fixture.Hub.Channel(TokenOfRole[MethodRoles.Allowed(method)[0]]), method);
        // An empty call is malformed or names nothing: the method itself answered, so authentication and authorisation passed.
        Assert.DoesNotContain(status.StatusCode, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.Unimplemented, StatusCode.Internal });
    }
}
