using System.Globalization;

namespace ExchangeHub.HealthProbe;

/// <summary>What to probe: the server's address, the health service name ("" = the whole server), TLS files, a deadline.</summary>
public sealed record ProbeOptions(Uri Address, string Service, string? CaPath, string? CertificatePath, string? KeyPath, TimeSpan Timeout)
{
    public static ProbeOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected --option value, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        if (!values.TryGetValue("address", out var address))
        {
            throw new ArgumentException("--address is required.");
        }
        values.TryGetValue("cert", out var certificate);
        values.TryGetValue("key", out var key);
        if ((certificate is null) != (key is null))
        {
            throw new ArgumentException("--cert and --key go together.");
        }
        return new ProbeOptions(
            new Uri(address),
            values.GetValueOrDefault("service", ""),
            values.GetValueOrDefault("ca"),
            certificate,
            key,
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("timeout", "5"), CultureInfo.InvariantCulture)));
    }
}
