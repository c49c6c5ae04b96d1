using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ExchangeHub.Server.Tests.Infrastructure;
using RabbitMQ.Client;

namespace ExchangeHub.Server.Tests.Samples;

/// <summary>
/// samples/ExchangeHub.SampleSubscriber as its own process (the built dll, configured only through its environment
/// variables, as in docker-compose.yml) against the test broker, on a fresh queue that is deleted at the end (and
/// expires by itself if the test dies). Its log lines are kept for assertions.
/// </summary>
public sealed class SubscriberProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private SubscriberProcess(Process process, string queue, Uri healthUrl)
    {
        _process = process;
        Queue = queue;
        HealthUrl = healthUrl;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Queue { get; }
    public Uri HealthUrl { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts the subscriber and waits until its /healthz answers 200 (bus connected, queue consumed).</summary>
    public static async Task<SubscriberProcess> StartAsync()
    {
        var broker = EventSubscriber.BrokerUri;
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var vhost = broker.AbsolutePath is "/" or "" ? "/" : Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        var queue = "exchangehub-sample-test-" + Guid.NewGuid().ToString("N")[..10];
        var healthUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var dll = Path.Combine(SampleDirectory(), "ExchangeHub.SampleSubscriber.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["RABBITMQ_HOST"] = broker.Host,
                ["RABBITMQ_PORT"] = (broker.IsDefaultPort ? 5672 : broker.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RABBITMQ_VHOST"] = vhost,
                ["RABBITMQ_USER"] = credentials[0],
                ["RABBITMQ_PASS"] = credentials.Length > 1 ? credentials[1] : "",
                ["SUBSCRIBER_QUEUE"] = queue,
                ["SUBSCRIBER_QUEUE_EXPIRES_SECONDS"] = "300",
                ["HEALTH_URL"] = healthUrl.ToString(),
            },
        };
        var subscriber = new SubscriberProcess(Process.Start(start)!, queue, healthUrl);
        await subscriber.WaitUntilHealthyAsync();
        return subscriber;
    }

    /// <summary>Runs <c>dotnet ExchangeHub.SampleSubscriber.dll probe</c>, the container's health check; returns its exit code.</summary>
    public async Task<int> ProbeAsync()
    {
        var dll = Path.Combine(SampleDirectory(), "ExchangeHub.SampleSubscriber.dll");
        using var probe = Process.Start(new ProcessStartInfo("dotnet", [dll, "probe", HealthUrl.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await probe.WaitForExitAsync(cts.Token);
        return probe.ExitCode;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the log lines so far; fails with the last lines after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(Func<IReadOnlyList<string>, bool> done, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var lines = Lines;
            if (done(lines))
            {
                return lines;
            }
            if (cts.IsCancellationRequested || _process.HasExited)
            {
                throw new TimeoutException($"subscriber on {Queue}: condition not met after {timeout}:\n{string.Join('\n', lines.TakeLast(30))}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        var factory = new ConnectionFactory { Uri = EventSubscriber.BrokerUri, AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in new[] { Queue, Queue + "_error", Queue + "_skipped" })
        {
            await channel.QueueDeleteAsync(queue);
            // MassTransit's receive endpoint also made an exchange of the queue's name, bound to every consumed type's
            // exchange: left behind, each one is a dead-end hop for every event published later (80 of them cut the
            // relay bench's MassTransit path from 13,000 to 4,000 events/s on this machine).
            await channel.ExchangeDeleteAsync(queue);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the subscriber exited with {_process.ExitCode}:\n{string.Join('\n', Lines)}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(HealthUrl, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the subscriber was not healthy within 60 s:\n{string.Join('\n', Lines)}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    /// <summary>samples/ExchangeHub.SampleSubscriber/bin/&lt;configuration&gt;/net10.0, built with the tests (project reference).</summary>
    private static string SampleDirectory()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // tests/ExchangeHub.Server.Tests/bin/<configuration>/net10.0/
        var configuration = tests.Parent!.Name;
        var root = tests.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var directory = Path.Combine(root, "samples", "ExchangeHub.SampleSubscriber", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "ExchangeHub.SampleSubscriber.dll"))
            ? directory
            : throw new InvalidOperationException($"build the solution first: no ExchangeHub.SampleSubscriber.dll in {directory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
