using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Security;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>The hub refuses to start in unsafe configurations.</summary>
public sealed class StartupGuardTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://hub.example:5080")]
    public void Build_DevTokenOnNonLoopbackAddress_RefusesToStart(string url)
    {
        var ex = Assert.Throws<HubStartupException>(() => HubApp.Build(["--urls", url]));
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
        Assert.Equal(HubStartupException.AddressRefused, ex.ExitCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.1:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://0.0.0.0:5443", false)]
    [InlineData("http://192.168.1.1:5080", false)]
    public void IsLoopback_Address_Classified(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddressGuard.IsLoopback(url));

    [Fact]
    public void Check_MutualTlsOnPlainHttp_Refused() =>
        Assert.Throws<HubStartupException>(() => ListenAddressGuard.Check(AuthenticationMode.MutualTls, ["http://127.0.0.1:5080"]));

    [Fact]
    public void AgencyDirectory_UnknownRole_RefusedNamingIt()
    {
        var options = new HubOptions();
        options.Security.Agencies.Add(new AgencyOptions { Id = "x", Roles = ["TAX_BUREAUX"], TokenSha256 = "ab" });
        var ex = Assert.Throws<InvalidOperationException>(() => new AgencyDirectory(options.Security.Agencies));
        Assert.Contains("TAX_BUREAUX", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("clause", "FACTS")]
    [InlineData("15")]
    [InlineData("1")]
    [InlineData("")]
    public void AgencyDirectory_DivisionNotACode_RefusedNamingTheAgency(string division)
    {
        var options = new HubOptions();
        options.Security.Agencies.Add(new AgencyOptions { Id = "market-x", Roles = ["MARKET_REGULATION"], TokenSha256 = "ab", Divisions = ["01", division] });
        var ex = Assert.Throws<InvalidOperationException>(() => new AgencyDirectory(options.Security.Agencies));
        Assert.Contains("market-x", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>FACTS "Sources": the configured divisions are the agency's jurisdiction; none configured (absent or empty) is every division.</summary>
    [Theory]
    [Trait("clause", "FACTS")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("01,14", "01,14")]
    public void AgencyDirectory_Divisions_TheAgencysJurisdiction(string? configured, string? jurisdiction)
    {
        var options = new HubOptions();
        options.Security.Agencies.Add(new AgencyOptions
        {
            Id = "market-x", Roles = ["MARKET_REGULATION"], TokenSha256 = AgencyDirectory.Sha256Hex("t"),
            Divisions = configured?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
        });
        var agency = new AgencyDirectory(options.Security.Agencies).ByToken("t")!;
        Assert.Equal(jurisdiction, agency.Divisions is null ? null : string.Join(',', agency.Divisions.Order(StringComparer.Ordinal)));
    }
}
