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

    public static Task<HubProcess> StartAsync(TestDatabase database, params string[] settings) =>
        StartInAsync(ServerDirectory(), database, settings);

    /// <summary>The hub started from <paramref name="workingDirectory"/> (its binary stays where it was built).</summary>
    public static async Task<HubProcess> StartInAsync(string workingDirectory, TestDatabase database, params string[] settings)
    {
        var port = FreePort();
        var start = BuiltHub(workingDirectory, new[]
        {
            "--urls", $"http://127.0.0.1:{port}",
            "--Hub:Storage:Provider", database.Provider.ToString(), "--Hub:Storage:ConnectionString", database.ConnectionString,
            // Decisions that follow the data would re-decide behind these tests' runs; their own tests switch them on.
            "--Hub:Decisions:Follow", "false",
        }.Concat(settings));
        var hub = new HubProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        await hub.WaitUntilListeningAsync(port);
        return hub;
    }

    /// <summary>
    /// Runs the built hub with <paramref name="arguments"/> (and <paramref name="environment"/>) until it exits by itself,
    /// for start-up refusals; the exit code and every line it wrote (stdout and stderr).
    /// </summary>
    public static async Task<(int ExitCode, List<string> Lines)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = BuiltHub(ServerDirectory(), arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the hub did not exit within 60 s:\n{await stdout}{await stderr}");
        }
        var lines = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (process.ExitCode, lines);
    }

    /// <summary><c>dotnet ExchangeHub.Server.dll arguments…</c> in <paramref name="workingDirectory"/>, its output redirected.</summary>
    private static ProcessStartInfo BuiltHub(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ServerDirectory(), "ExchangeHub.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
