using System.Globalization;

namespace ExchangeHub.Benchmarks;

/// <summary>Options of the <c>relay</c> command.</summary>
internal sealed record RelayOptions(int Events, int Subjects, Uri Broker, string OutputPath, bool KeepFiles, int LatencyRate, int LatencySeconds, bool DirectPublish)
{
    /// <summary><c>--relay-only</c>: no baseline and no MassTransit-alone runs (profiling, A/B of settings); no ratio, no JSON.</summary>
    public bool RelayOnly { get; init; }

    /// <summary><c>--set Key=Value</c> (repeatable): hub settings of the relay and latency parts.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public const int DefaultEvents = 100_000;
    public const int DefaultSubjects = 10_000;
    public const int DefaultLatencyRate = 1_000;
    public const int DefaultLatencySeconds = 15;

    public static RelayOptions Parse(ReadOnlySpan<string> args)
    {
        var events = DefaultEvents;
        var subjects = DefaultSubjects;
        string? output = null;
        var broker = Environment.GetEnvironmentVariable("EXCHANGEHUB_TEST_RABBITMQ") is { Length: > 0 } env
            ? env
            : "amqp://guest:guest@127.0.0.1:5672/";
        var keep = false;
        var latencyRate = DefaultLatencyRate;
        var latencySeconds = DefaultLatencySeconds;
        var direct = false;
        var relayOnly = false;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events": events = Count(args, ref i); break;
                case "--subjects": subjects = Count(args, ref i); break;
                case "--broker": broker = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--keep-files": keep = true; break;
                case "--latency-rate": latencyRate = Count(args, ref i); break;
                case "--latency-seconds": latencySeconds = Seconds(args, ref i); break;
                case "--direct-publish": direct = true; break;
                case "--relay-only": relayOnly = true; break;
                case "--set":
                    var setting = Value(args, ref i);
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new BenchmarkException($"relay: --set needs Key=Value, got '{setting}'.");
                    }
                    settings[setting[..equals]] = setting[(equals + 1)..];
                    break;
                default: throw new BenchmarkException($"relay: unknown option '{args[i]}' (see --help).");
            }
        }
        var root = RepoLocator.FindRoot();
        return new RelayOptions(events, Math.Min(subjects, events), new Uri(broker),
            Path.GetFullPath(output ?? Path.Combine(root, "artifacts/bench/relay.json")), keep, latencyRate, latencySeconds, direct)
        {
            RelayOnly = relayOnly,
            Settings = settings,
        };
    }

    private static string Value(ReadOnlySpan<string> args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"relay: option '{args[i]}' needs a value.");

    /// <summary>A whole number of seconds; 0 skips the part.</summary>
    private static int Seconds(ReadOnlySpan<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchmarkException($"relay: {name} needs a whole number of seconds (0 skips it), got '{args[i]}'.");
    }

    private static int Count(ReadOnlySpan<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchmarkException($"relay: {name} needs a positive whole number, got '{args[i]}'.");
    }
}
