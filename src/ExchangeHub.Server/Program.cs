using ExchangeHub.Server;

var app = HubApp.Build(args);
await app.StartHubAsync();
await app.WaitForShutdownAsync();
