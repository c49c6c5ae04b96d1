using System.Diagnostics;
using System.Text.Json;

namespace ExchangeHub.Benchmarks.Baseline;

/// <summary>Runs the <c>sqlite3</c> command-line shell from PATH.</summary>
internal static class SqliteCli
{
    public const string Executable = "sqlite3";

    public static string Version() => Run(["--version"]).Trim();

    /// <summary>Runs sqlite3 with <paramref name="args"/> (and <paramref name="stdin"/>); fails on any error output.</summary>
    public static string Run(IReadOnlyList<string> args, string? stdin = null)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Check(process, args, stderr.Result);
        return stdout;
    }

    /// <summary>The rows of a query, as JSON objects (sqlite3 -json: numbers stay numbers, NULL is null).</summary>
    public static IReadOnlyList<Dictionary<string, JsonElement>> Query(string database, string sql)
    {
        var text = Run(["-bail", "-readonly", "-json", database, sql]);
        return string.IsNullOrWhiteSpace(text)
            ? []
            : JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(text) ?? [];
    }

    /// <summary>A single value of a query, as text.</summary>
    public static string Scalar(string database, string sql) =>
        Run(["-bail", "-readonly", "-noheader", "-list", database, sql]).TrimEnd('\n', '\r');

    public static Process Start(IReadOnlyList<string> args, bool redirectInput)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            return Process.Start(info) ?? throw new BenchmarkException("could not start sqlite3");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BenchmarkException("sqlite3 is not on PATH (apt-get install -y sqlite3).", ex);
        }
    }

    public static void Check(Process process, IReadOnlyList<string> args, string stderr)
    {
        if (process.ExitCode != 0 || !string.IsNullOrWhiteSpace(stderr))
        {
            throw new BenchmarkException(
                $"sqlite3 {string.Join(' ', args)} failed (exit code {process.ExitCode}):\n{stderr.Trim()}");
        }
    }
}
