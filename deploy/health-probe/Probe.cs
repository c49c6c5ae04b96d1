using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace ExchangeHub.HealthProbe;

/// <summary>One grpc.health.v1 Check call; SERVING → 0, anything else (another status, an error, the deadline) → 1.</summary>
public static class Probe
{
    public static async Task<int> RunAsync(ProbeOptions options)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = options.Timeout };
        using var ca = options.CaPath is null ? null : X509Certificate2.CreateFromPem(File.ReadAllText(options.CaPath));
        using var client = options.CertificatePath is null ? null : X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath);
        if (client is not null)
        {
            handler.SslOptions.ClientCertificates = [client];
        }
        if (ca is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IssuedBy(ca, certificate, errors);
        }
        using var channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions { HttpHandler = handler });
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = options.Service },
                deadline: DateTime.UtcNow.Add(options.Timeout));
            await Console.Out.WriteLineAsync($"{options.Address}: {reply.Status}");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"{options.Address}: {ex.StatusCode} {ex.Status.Detail}");
            return 1;
        }
    }

    /// <summary>The server's certificate chains to <paramref name="ca"/> alone (not the system store) and names the host.</summary>
    private static bool IssuedBy(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
