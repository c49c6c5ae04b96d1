using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ExchangeHub.Benchmarks.Ingest;

/// <summary>The hub, run as its own process on a free local port with a database of its own (SQLite file or PostgreSQL).</summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _tail = new();
    private bool _closed;

    private HubProcess(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static HubProcess Start(string hubDll, string databasePath, string logPath, IReadOnlyList<string>? extraArgs = null) =>
        Start(hubDll, "Sqlite", $"Data Source={databasePath}", logPath, extraArgs);

    /// <summary>Starts the hub on <paramref name="provider"/> (<c>Sqlite</c> or <c>Postgres</c>) with that connection string.</summary>
    public static HubProcess Start(string hubDll, string provider, string connectionString, string logPath, IReadOnlyList<string>? extraArgs = null)
    {
        if (!File.Exists(hubDll))
        {
            throw new BenchmarkException($"the hub is not built: {hubDll} is missing (dotnet build -c Release src/ExchangeHub.Server).");
        }

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hubDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     hubDll, "--urls", $"http://127.0.0.1:{port}",
                     "--Hub:Storage:Provider", provider,
                     "--Hub:Storage:ConnectionString", connectionString,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in extraArgs ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hub = new HubProcess(process, log, port);
        process.OutputDataReceived += (_, e) => hub.Append(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Append(e.Data);
        if (!process.Start())
        {
            throw new BenchmarkException("could not start `dotnet` for the hub.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    /// <summary>Waits until the hub accepts TCP connections on its port.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"the hub exited with code {_process.ExitCode} before listening. Its last output:\n{Tail()}");
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new BenchmarkException($"the hub did not listen on port {Port} within {timeout.TotalSeconds:N0} s. Its last output:\n{Tail()}");
    }

    /// <summary>The process's peak resident set size (VmHWM), in bytes.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new BenchmarkException($"no VmHWM in /proc/{_process.Id}/status");
    }

    /// <summary>The process's current resident set size (VmRSS), in bytes; 0 once it has exited.</summary>
    public long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the process is gone
        }

        return 0;
    }

    /// <summary>
    /// Resets the process's peak RSS to its current RSS (<c>echo 5 &gt; /proc/PID/clear_refs</c>), so the next
    /// <see cref="PeakResidentBytes"/> covers only what follows. False when the kernel refuses.
    /// </summary>
    public bool ResetPeakResident()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Asks the hub to stop (SIGTERM, so SQLite is closed cleanly), kills it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
                          ?? throw new BenchmarkException("could not run `kill`"))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string Tail()
    {
        lock (_logLock)
        {
            return string.Join('\n', _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_logLock)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_closed)
            {
                return;
            }

            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
