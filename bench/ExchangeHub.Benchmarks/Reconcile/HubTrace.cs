using System.Diagnostics;
using System.Globalization;

namespace ExchangeHub.Benchmarks.Reconcile;

/// <summary>
/// <c>--trace PATH</c>: dotnet-trace (profile dotnet-sampled-thread-time, ~100 stack samples per second per thread)
/// attached to the hub for the run; the trace ends when the hub stops. Writes PATH (.nettrace) and a speedscope JSON
/// beside it. The sampling slows the run a little: a traced run's timing is for finding where time goes only.
/// </summary>
internal sealed class HubTrace : IAsyncDisposable
{
    private readonly Process _process;

    private HubTrace(Process process) => _process = process;

    public static async Task<HubTrace> AttachAsync(int pid, string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var info = new ProcessStartInfo(Tool())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
                     "--format", "Speedscope", "-o", output,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new BenchmarkException("could not start dotnet-trace");
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginErrorReadLine();
        // dotnet-trace prints "Process : ..." then "Output File : ..." once the session runs.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Echo(line);
            if (line.Contains("Output File", StringComparison.Ordinal))
            {
                await Task.Delay(500);
                return new HubTrace(process);
            }
        }

        throw new BenchmarkException($"dotnet-trace ended before tracing (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }

    /// <summary>Ends the session if the hub still runs, and waits until dotnet-trace has written its files.</summary>
    public async ValueTask DisposeAsync()
    {
        var rest = _process.StandardOutput.ReadToEndAsync();
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync(); // Enter stops the session (if the hub has not ended it)
                await _process.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // dotnet-trace is already finishing: the hub's exit ended the session.
            }
        }

        await _process.WaitForExitAsync();

        foreach (var line in (await rest).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Echo(line);
        }

        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.WriteLine("    [dotnet-trace] " + line.Trim());
        }
    }

    private static string Tool()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "";
        var local = Path.Combine(home, ".dotnet", "tools", "dotnet-trace");
        return File.Exists(local) ? local : "dotnet-trace";
    }
}
