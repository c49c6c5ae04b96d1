using System.CommandLine;
using System.Globalization;

namespace ExchangeHub.Cli.Remote;

/// <summary>The options every command that talks to the running hub takes: where it is and who we are.</summary>
public sealed class HubConnectionOptions(TimeSpan defaultTimeout)
{
    public Option<string> Hub { get; } = new("--hub")
    {
        Description = "the hub's address (env EXCHANGEHUB_URL; default http://127.0.0.1:5080)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGEHUB_URL") ?? "http://127.0.0.1:5080",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "bearer token of the operator agency (env EXCHANGEHUB_TOKEN); development mode only",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGEHUB_TOKEN"),
    };

    public Option<FileInfo?> Certificate { get; } = new("--cert")
    {
        Description = "PEM client certificate for mutual TLS (its key in --key, or in the same file)",
    };

    public Option<FileInfo?> Key { get; } = new("--key") { Description = "PEM private key of --cert" };

    public Option<FileInfo?> Ca { get; } = new("--ca") { Description = "PEM CA certificate(s) to trust for the hub's certificate" };

    public Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = $"deadline of each call, in seconds (default {defaultTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)})",
        DefaultValueFactory = _ => (int)defaultTimeout.TotalSeconds,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Hub, Token, Certificate, Key, Ca, TimeoutSeconds })
        {
            command.Options.Add(option);
        }
        TimeoutSeconds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--timeout must be at least 1 second");
            }
        });
    }

    public HubEndpoint Read(ParseResult result) => new(
        result.GetValue(Hub)!,
        result.GetValue(Token) is { Length: > 0 } token ? token : null,
        result.GetValue(Certificate)?.FullName,
        result.GetValue(Key)?.FullName,
        result.GetValue(Ca)?.FullName,
        TimeSpan.FromSeconds(result.GetValue(TimeoutSeconds)));
}
