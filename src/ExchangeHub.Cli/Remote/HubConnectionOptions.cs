using System.CommandLine;

namespace ExchangeHub.Cli.Remote;

/// <summary>The options every command that talks to the running hub takes: where it is and who we are.</summary>
public sealed class HubConnectionOptions(TimeSpan defaultTimeout)
{
    public Option<string> Hub { get; } = new("--hub")
    {
        HelpName = "url",
        Description = "the hub's address (env EXCHANGEHUB_URL)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EXCHANGEHUB_URL") ?? "http://127.0.0.1:5080",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        // No default value: help would print the token taken from the environment.
        Description = "bearer token of the operator agency (env EXCHANGEHUB_TOKEN); development mode only",
    };

    public Option<FileInfo?> Certificate { get; } = new("--cert")
    {
        HelpName = "file",
        Description = "PEM client certificate for mutual TLS (its key in --key, or in the same file)",
    };

    public Option<FileInfo?> Key { get; } = new("--key") { HelpName = "file", Description = "PEM private key of --cert" };

    public Option<FileInfo?> Ca { get; } = new("--ca") { HelpName = "file", Description = "PEM CA certificate(s) to trust for the hub's certificate" };

    public Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        HelpName = "seconds",
        Description = "deadline of each call, in seconds",
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
        (result.GetValue(Token) ?? Environment.GetEnvironmentVariable("EXCHANGEHUB_TOKEN")) is { Length: > 0 } token ? token : null,
        result.GetValue(Certificate)?.FullName,
        result.GetValue(Key)?.FullName,
        result.GetValue(Ca)?.FullName,
        TimeSpan.FromSeconds(result.GetValue(TimeoutSeconds)));
}
