using System.Net;
using ExchangeHub.Server.Configuration;

namespace ExchangeHub.Server.Security;

/// <summary>
/// Refuses unsafe combinations before the hub listens: development tokens on any address that is not loopback,
/// and mutual TLS on a plain-HTTP address (<see cref="HubStartupException"/>, exit code 2).
/// </summary>
public static class ListenAddressGuard
{
    public static void Check(AuthenticationMode mode, IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (mode == AuthenticationMode.DevToken && !IsLoopback(url))
            {
                throw new HubStartupException(
                    $"Refusing to start: Hub:Security:Mode is DevToken but the hub would listen on {url}. Development tokens are " +
                    "allowed on loopback addresses only (127.0.0.1, [::1], localhost); configure MutualTls for any other address.",
                    HubStartupException.AddressRefused);
            }
            if (mode == AuthenticationMode.MutualTls && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new HubStartupException($"Refusing to start: Hub:Security:Mode is MutualTls but {url} is not https.",
                    HubStartupException.AddressRefused);
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
