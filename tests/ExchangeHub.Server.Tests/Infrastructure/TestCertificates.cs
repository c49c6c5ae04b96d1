using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// A throw-away PKI made at test time (no key is ever committed): an agency CA, the hub's server certificate for
/// 127.0.0.1, and client certificates issued by that CA or by an unrelated one.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        Directory = Path.Combine(Path.GetTempPath(), "exchangehub-pki", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Ca = CreateCa("CN=ExchangeHub test agency CA");
        RogueCa = CreateCa("CN=Somebody else's CA");
        Server = Issue(Ca, "CN=127.0.0.1", serverAuth: true);
        File.WriteAllText(CaPath, Ca.ExportCertificatePem());
        File.WriteAllText(ServerCertificatePath, Server.ExportCertificatePem());
        using var key = Server.GetRSAPrivateKey()!;
        File.WriteAllText(ServerKeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string Directory { get; }
    public X509Certificate2 Ca { get; }
    public X509Certificate2 RogueCa { get; }
    public X509Certificate2 Server { get; }
    public string CaPath => Path.Combine(Directory, "agency-ca.pem");
    public string ServerCertificatePath => Path.Combine(Directory, "hub.pem");
    public string ServerKeyPath => Path.Combine(Directory, "hub.key");

    public X509Certificate2 Client(string name, bool rogue = false) => Issue(rogue ? RogueCa : Ca, $"CN={name}", serverAuth: false);

    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public void Dispose()
    {
        Ca.Dispose();
        RogueCa.Dispose();
        Server.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
