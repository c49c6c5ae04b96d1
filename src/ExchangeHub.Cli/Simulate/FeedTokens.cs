using System.CommandLine;
using ExchangeHub.Cli.Remote;

namespace ExchangeHub.Cli.Simulate;

/// <summary>
/// A bearer token per agency: <c>--tax-token</c> (env EXCHANGEHUB_TAX_TOKEN), <c>--market-token</c>,
/// <c>--transfer-token</c>, <c>--skill-token</c>; else <c>--token</c> (an agency configured with all four roles);
/// else, against a plain-HTTP development hub, the development agencies' tokens of appsettings.json. With
/// <c>--cert</c> (mutual TLS) the certificate names one agency, which needs the four roles.
/// </summary>
public sealed class FeedTokens
{
    private readonly Dictionary<FeedAgency, Option<string?>> _options = FeedAgency.All.ToDictionary(a => a, a => new Option<string?>(a.Option)
    {
        HelpName = "token",
        // No default value: help would print the token taken from the environment.
        Description = $"bearer token of the {a.Role} agency (env {a.EnvironmentVariable}; default --token, or {a.DevelopmentToken} on an http:// hub)",
    });

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The endpoint each agency connects as.</summary>
    public IReadOnlyDictionary<FeedAgency, HubEndpoint> Read(ParseResult result, HubEndpoint shared)
    {
        var development = shared.Address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && shared.CertificatePath is null;
        return FeedAgency.All.ToDictionary(a => a, a => shared with
        {
            Token = NonEmpty(result.GetValue(_options[a])) ?? NonEmpty(Environment.GetEnvironmentVariable(a.EnvironmentVariable))
                ?? shared.Token ?? (development ? a.DevelopmentToken : null),
        });
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
