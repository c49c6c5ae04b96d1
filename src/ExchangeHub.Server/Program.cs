using ExchangeHub.Server;
using ExchangeHub.Server.Configuration;

try
{
    var app = HubApp.Build(args);
    await app.StartHubAsync();
    await app.WaitForShutdownAsync();
    return 0;
}
catch (HubStartupException refused)
{
    // One line an operator can act on; nothing listens (the guard runs before Kestrel binds).
    await Console.Error.WriteLineAsync($"ExchangeHub refused to start: {refused.Message}");
    return refused.ExitCode;
}
