using System.Diagnostics;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Stops and starts the local RabbitMQ node's application with rabbitmqctl (the node itself keeps running).</summary>
public static class RabbitBroker
{
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    /// <summary>Starts the application and waits until it accepts connections again.</summary>
    public static async Task StartAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    /// <summary>Runs <c>rabbitmqctl -q</c> with <paramref name="arguments"/> and returns its output; throws when it fails.</summary>
    public static async Task<string> RabbitMqCtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl", ["-q", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run rabbitmqctl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited {process.ExitCode}: {await stdout} {await stderr}");
        }
        return await stdout;
    }
}
