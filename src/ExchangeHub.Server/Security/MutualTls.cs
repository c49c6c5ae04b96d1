using System.Security.Cryptography.X509Certificates;
using ExchangeHub.Server.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace ExchangeHub.Server.Security;

/// <summary>
/// Kestrel's TLS settings in MutualTls mode: the hub's certificate, a client certificate required on every
/// connection, and chains checked against the configured agency CA only (not the machine's trust store).
/// </summary>
public static class MutualTls
{
    public static void Configure(HttpsConnectionAdapterOptions https, SecurityOptions security)
    {
        if (security.ServerCertificatePath is null || security.ClientCaPath is null)
        {
            throw new InvalidOperationException("MutualTls needs Hub:Security:ServerCertificatePath and Hub:Security:ClientCaPath.");
        }
        https.ServerCertificate = LoadServerCertificate(security.ServerCertificatePath, security.ServerKeyPath);
        var clientCa = new X509Certificate2Collection();
        clientCa.ImportFromPemFile(security.ClientCaPath);
        if (clientCa.Count == 0)
        {
            throw new InvalidOperationException($"Hub:Security:ClientCaPath {security.ClientCaPath} holds no PEM certificate.");
        }
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.CheckCertificateRevocation = false;
        https.ClientCertificateValidation = (certificate, _, _) => IsIssuedBy(certificate, clientCa);
    }

    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 ca) => IsIssuedBy(certificate, new X509Certificate2Collection(ca));

    /// <summary>True when <paramref name="certificate"/> chains to one of <paramref name="roots"/> and allows client authentication.</summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2")); // client auth
        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadServerCertificate(string path, string? keyPath)
    {
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }
        using var pem = X509Certificate2.CreateFromPemFile(path, keyPath);
        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
