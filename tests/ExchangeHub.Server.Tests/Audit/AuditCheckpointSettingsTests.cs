using ExchangeHub.Server.Audit;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Audit;

/// <summary>The boundaries of <c>Hub:Audit</c>: the checkpoint interval (0 &lt; interval ≤ 1 s) and the signing key file.</summary>
[Trait("storage", "sqlite")]
public sealed class AuditCheckpointSettingsTests
{
    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:00:00.001")]
    public async Task CheckpointInterval_WithinOneSecond_Starts(string interval)
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Audit:CheckpointInterval"] = interval });
        Assert.NotNull(hub.Services.GetRequiredService<AuditCheckpointer>());
    }

    [Theory]
    [InlineData("00:00:01.001")]
    [InlineData("00:00:00")]
    public async Task CheckpointInterval_Outside_HubDoesNotStart(string interval)
    {
        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Audit:CheckpointInterval"] = interval }));
        Assert.Contains("Hub:Audit:CheckpointInterval", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningKeyFile_Missing_HubDoesNotStartWithExitCode5()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-key-{Guid.NewGuid():N}.pem");
        var ex = await Assert.ThrowsAsync<HubStartupException>(() =>
            TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Audit:SigningKeyFile"] = missing }));
        Assert.Equal(HubStartupException.SigningKeyRefused, ex.ExitCode);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningKeyFile_Configured_SignsWithThatKey()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var file = Path.Combine(Path.GetTempPath(), $"key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, ecdsa.ExportPkcs8PrivateKeyPem());
        await using (var hub = await TestHub.StartAsync(StorageProvider.Sqlite, new() { ["Hub:Audit:SigningKeyFile"] = file }))
        {
            Assert.Equal(AuditLog.AuditCheckpointSigner.KeyIdOf(ecdsa), hub.Services.GetRequiredService<AuditSigningKey>().KeyId);
        }
        File.Delete(file);
        File.Delete(file + ".pub");
    }

    [Fact]
    public async Task SigningKey_NotConfigured_GeneratedOwnerOnlyBesideTheDatabase()
    {
        await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite);
        var key = hub.Services.GetRequiredService<AuditSigningKey>();
        var privateFile = key.PublicKeyFile[..^".pub".Length];
        Assert.Equal(AuditSigningKey.DefaultFileName, Path.GetFileName(privateFile));
        Assert.True(File.Exists(privateFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privateFile));
        }
        Assert.Equal(key.PublicKeyPem, await File.ReadAllTextAsync(key.PublicKeyFile));
    }
}
