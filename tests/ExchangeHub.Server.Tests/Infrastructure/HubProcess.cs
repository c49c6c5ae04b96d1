using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// The hub as its own operating-system process (the built ExchangeHub.Server.dll), for tests that kill it. It listens
/// on a free loopback port over the given database; the process's output is kept for failure messages.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HubProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    public static async Task<HubProcess> StartAsync(TestDatabase database, params string[] settings)
    {
        var port = FreePort();
        var directory = ServerDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(directory, "ExchangeHub.Server.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--Hub:Storage:Provider", database.Provider.ToString(), "--Hub:Storage:ConnectionString", database.ConnectionString,
        }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }
        var hub = new HubProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await hub.WaitUntilListeningAsync(port);
        return hub;
    }

    /// <summary>SIGKILL: no shutdown, no flush — a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the hub exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"the hub did not listen on {port} within 60 s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
    }

    /// <summary>src/ExchangeHub.Server/bin/&lt;configuration&gt;/net10.0 of this checkout, built with the tests.</summary>
    private static string ServerDirectory()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/ExchangeHub.Server.Tests/bin/<configuration>/net10.0/
        var configuration = tests.Parent!.Name;
        var root = tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var directory = Path.Combine(root, "src", "ExchangeHub.Server", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "ExchangeHub.Server.dll"))
            ? directory
            : throw new InvalidOperationException($"build the solution first: no ExchangeHub.Server.dll in {directory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
