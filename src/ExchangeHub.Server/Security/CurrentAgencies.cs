using System.Text;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace ExchangeHub.Server.Security;

/// <summary>
/// The agency directory in force, reloaded whenever its configuration changes — <c>Hub:Security:Agencies</c>
/// (appsettings.json is watched) or, when set, the <c>Hub:Security:AgenciesFile</c> — so a withdrawn or replaced token
/// or certificate thumbprint is refused at the next call and a new one accepted, on every replica, without a restart.
/// A change that does not make a valid, non-empty directory (malformed JSON, an unknown role, a half-written file, a
/// missing file) is logged once as an error and the last good directory stays in force: a typo must not lock every
/// agency out, nor crash the hub. At start an invalid directory refuses the start instead.
/// </summary>
/// <remarks>
/// The configuration's reload token is watched directly rather than through <c>IOptionsMonitor</c>: the monitor
/// binds inside the change callback, where a binding error is lost, and would keep no last good value.
/// </remarks>
public sealed class CurrentAgencies : IDisposable
{
    private const string Section = HubOptions.Section + ":Security:Agencies";

    /// <summary>As the JSON configuration provider does: an editor's truncate-then-write settles before the read.</summary>
    private static readonly TimeSpan SettleDelay = TimeSpan.FromMilliseconds(250);

    private static readonly Action<BinderOptions> Strict = binder => binder.ErrorOnUnknownConfiguration = true;

    private readonly IConfiguration _configuration;
    private readonly ILogger<CurrentAgencies> _logger;
    private readonly string? _file;
    private readonly PhysicalFileProvider? _directoryWatch;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private volatile AgencyDirectory _current;
    private string _lastSeen;

    public CurrentAgencies(IConfiguration configuration, IHostEnvironment environment, ILogger<CurrentAgencies> logger)
    {
        _configuration = configuration;
        _logger = logger;
        var file = configuration[HubOptions.Section + ":Security:AgenciesFile"];
        _file = string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file, environment.ContentRootPath);
        try
        {
            _lastSeen = Read();
            _current = Parse(_lastSeen, reload: false);
        }
        catch (Exception ex) when (ex is not HubStartupException)
        {
            throw new HubStartupException($"the agency directory {Source} is invalid: {ex.Message}", HubStartupException.AgenciesRefused, ex);
        }
        if (_file is null)
        {
            _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        }
        else
        {
            // DOTNET_USE_POLLING_FILE_WATCHER=1 makes it poll (network shares, volumes without inotify).
            _directoryWatch = new PhysicalFileProvider(Path.GetDirectoryName(_file)!, ExclusionFilters.None);
            var name = Path.GetFileName(_file);
            _subscription = ChangeToken.OnChange(() => _directoryWatch.Watch(name), () =>
            {
                Thread.Sleep(SettleDelay);
                Reload();
            });
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Agency directory from {Source}: {Count} agencies, reloaded on change", Source, _current.Count);
        }
    }

    /// <summary>The directory in force now (a call looks its caller up once, in one version).</summary>
    public AgencyDirectory Directory => _current;

    public AgencyIdentity? ByCertificateSha256(string sha256Hex) => _current.ByCertificateSha256(sha256Hex);

    public AgencyIdentity? ByToken(string token) => _current.ByToken(token);

    public void Dispose()
    {
        _subscription.Dispose();
        _directoryWatch?.Dispose();
    }

    private string Source => _file ?? Section;

    /// <summary>
    /// Re-reads the configuration; nothing happens when it did not change (one edit fires several events). A file that
    /// does not parse is read again every <see cref="SettleDelay"/> for a second: a writer still between its truncate
    /// and its write (slow on a loaded machine) is not refused and logged for the half-written state; only content that
    /// stayed the same for that second is refused, with one error.
    /// </summary>
    private void Reload()
    {
        lock (_lock)
        {
            for (var attempt = 0; ; attempt++)
            {
                var (seen, unreadable) = TryRead();
                if (!Changed(seen))
                {
                    return;
                }
                var refused = unreadable;
                if (refused is null)
                {
                    try
                    {
                        var next = Parse(seen, reload: true);
                        var previous = _current;
                        _current = next;
                        if (_logger.IsEnabled(LogLevel.Information))
                        {
                            _logger.LogInformation("Agency directory reloaded from {Source}: {Count} agencies (were {Previous})",
                                Source, next.Count, previous.Count);
                        }
                        return;
                    }
                    catch (Exception ex)
                    {
                        refused = ex;
                    }
                }
                if (_file is not null && attempt < MaxSettleRetries && ChangesWhileSettling(seen))
                {
                    continue; // still being written: judge what it settles to
                }
                Refuse(refused);
                return;
            }
        }
    }

    /// <summary>How many new contents of a file still being written are judged before the last one is refused.</summary>
    private const int MaxSettleRetries = 4;

    /// <summary>
    /// Reads of a broken file, each after <see cref="SettleDelay"/>, before it is refused: its content must stay the
    /// same for a second. (One read was too short: a watch event that arrived a little before the truncate — the
    /// watcher's own start, another write — left the writer under 300 ms between its truncate and its write.)
    /// </summary>
    private const int SettleReads = 4;

    /// <summary>Whether the file's content moves away from <paramref name="seen"/> within <see cref="SettleReads"/> delays.</summary>
    private bool ChangesWhileSettling(string seen)
    {
        for (var read = 0; read < SettleReads; read++)
        {
            Thread.Sleep(SettleDelay);
            if (!string.Equals(TryRead().Seen, seen, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The configuration's text, or a text naming why it could not be read (compared like content).</summary>
    // Every exception: this runs on the file watcher's thread, where one escaping is lost and stops nothing.
    private (string Seen, Exception? Unreadable) TryRead()
    {
        try
        {
            return (Read(), null);
        }
        catch (Exception ex)
        {
            return ("unreadable: " + ex.Message, ex);
        }
    }

    private bool Changed(string seen)
    {
        if (string.Equals(seen, _lastSeen, StringComparison.Ordinal))
        {
            return false;
        }
        _lastSeen = seen;
        return true;
    }

    private void Refuse(Exception ex) =>
        _logger.LogError("Agency directory change in {Source} refused, the last good directory ({Count} agencies) stays in force: {Reason}",
            Source, _current.Count, ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message);

    /// <summary>The configuration as text: the file's content, or the section's settings one a line.</summary>
    private string Read() => _file is not null
        ? File.ReadAllText(_file)
        : string.Join('\n', _configuration.GetSection(Section).AsEnumerable()
            .OrderBy(setting => setting.Key, StringComparer.OrdinalIgnoreCase)
            .Select(setting => $"{setting.Key}={setting.Value}"));

    private AgencyDirectory Parse(string seen, bool reload)
    {
        var agencies = _file is null
            ? _configuration.GetSection(Section).Get<List<AgencyOptions>>(Strict)
            : new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(seen))).Build()
                .GetSection("Agencies").Get<List<AgencyOptions>>(Strict);
        // An empty directory refuses every call: after a start with agencies (or ever, from a file) it is a mistake,
        // e.g. a malformed appsettings.json that the configuration provider reloads as empty.
        if ((reload || _file is not null) && agencies is not { Count: > 0 })
        {
            throw new InvalidOperationException($"{(_file is null ? Section : "\"Agencies\"")} lists no agency.");
        }
        return new AgencyDirectory(agencies ?? []);
    }
}
