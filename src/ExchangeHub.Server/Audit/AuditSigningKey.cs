using System.Security.Cryptography;
using ExchangeHub.AuditLog;
using ExchangeHub.Server.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// The key that signs checkpoints: <c>Hub:Audit:SigningKeyFile</c>, or <c>audit-signing-key.pem</c> in the data
/// directory (the SQLite file's directory; <c>$EXCHANGEHUB_DATA</c> or <c>data/</c> on PostgreSQL), generated on first
/// start with mode 0600. Its public key is written beside it (<see cref="PublicKeyFile"/>) and served by the hub, for
/// agencies and <c>exchangehub audit verify</c>. A configured file that cannot be read stops the hub at start.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    public const string DefaultFileName = "audit-signing-key.pem";

    public AuditSigningKey(IOptions<HubOptions> options, ILogger<AuditSigningKey> logger)
    {
        var configured = options.Value.Audit.SigningKeyFile;
        var path = configured.Length > 0 ? Path.GetFullPath(configured) : Path.Combine(DataDirectory(options.Value.Storage), DefaultFileName);
        Key = ECDsa.Create();
        try
        {
            if (configured.Length == 0 && !File.Exists(path))
            {
                Key.GenerateKey(ECCurve.NamedCurves.nistP256);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (!TryWritePrivate(path, Key.ExportPkcs8PrivateKeyPem()))
                {
                    // Another hub on this data directory generated it first: use that one.
                    Key.ImportFromPem(File.ReadAllText(path));
                }
                else if (logger.IsEnabled(LogLevel.Warning))
                {
                    logger.LogWarning("Generated the audit checkpoint signing key {Path} (no Hub:Audit:SigningKeyFile); keep it, and publish {PublicKey}",
                        path, path + ".pub");
                }
            }
            else
            {
                Key.ImportFromPem(File.ReadAllText(path));
            }
            if (Key.KeySize != 256)
            {
                throw new CryptographicException($"the key is {Key.KeySize} bits, not ECDSA P-256");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            Key.Dispose();
            throw new HubStartupException($"the audit signing key {path} cannot be used: {ex.Message}", HubStartupException.SigningKeyRefused, ex);
        }
        KeyId = AuditCheckpointSigner.KeyIdOf(Key);
        PublicKeyPem = Key.ExportSubjectPublicKeyInfoPem();
        PublicKeyFile = path + ".pub";
        TryWritePublic(PublicKeyFile, PublicKeyPem, logger);
    }

    public ECDsa Key { get; }
    public string KeyId { get; }

    /// <summary>SubjectPublicKeyInfo PEM: what an agency verifies checkpoints with.</summary>
    public string PublicKeyPem { get; }

    public string PublicKeyFile { get; }

    public AuditCheckpoint Sign(long treeSize, string rootHash, long timestampUnixMs) =>
        AuditCheckpointSigner.Sign(Key, treeSize, rootHash, timestampUnixMs);

    public void Dispose() => Key.Dispose();

    private static string DataDirectory(StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Sqlite && new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource is { Length: > 0 } file
            && file != ":memory:")
        {
            return Path.GetDirectoryName(Path.GetFullPath(file))!;
        }
        return DataLocation.Directory;
    }

    /// <summary>Writes a new key file (0600); false when one appeared meanwhile.</summary>
    private static bool TryWritePrivate(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(pem);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static void TryWritePublic(string path, string pem, ILogger logger)
    {
        try
        {
            if (!File.Exists(path) || File.ReadAllText(path) != pem)
            {
                File.WriteAllText(path, pem);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The key is still in use and logged; the file is a convenience for agencies and the CLI.
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning(ex, "Could not write the audit public key to {Path}", path);
            }
        }
    }
}
