using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeHub.Cli.Remote;

/// <summary>
/// The HTTP handler for the hub: in production, mutual TLS with the operator's client certificate, and the hub's
/// certificate checked against the given CA only (not the machine's store).
/// </summary>
public static class TlsHandler
{
    public static HttpClientHandler Create(string? certificatePath, string? keyPath, string? caPath)
    {
        var handler = new HttpClientHandler();
        try
        {
            if (certificatePath is not null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(LoadClientCertificate(certificatePath, keyPath));
            }
            if (caPath is not null)
            {
                var roots = LoadRoots(caPath);
                handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, roots);
            }
            return handler;
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    private static X509Certificate2 LoadClientCertificate(string certificatePath, string? keyPath)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // A PEM key is ephemeral; TLS stacks want a persisted one, so round-trip through PKCS#12.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new HubEndpointException($"cannot load the client certificate {certificatePath}: {ex.Message}", ex);
        }
    }

    private static X509Certificate2Collection LoadRoots(string caPath)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new HubEndpointException($"cannot load the CA certificate {caPath}: {ex.Message}", ex);
        }
        return roots.Count > 0 ? roots : throw new HubEndpointException($"{caPath} holds no PEM certificate");
    }

    private static bool Trusted(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        // A name mismatch or no certificate at all is never acceptable; only the chain is checked against our CA.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
