// Asks a gRPC server's standard health service (grpc.health.v1.Health/Check) and exits 0 when it answers SERVING,
// 1 otherwise — what grpc_health_probe does, built from source with the hub's image because the .NET runtime image
// has no probe binary (docker-compose.yml runs it as the hubs' health check). With mutual TLS it presents a client
// certificate and trusts only the given CA:
//   dotnet ExchangeHub.HealthProbe.dll --address https://localhost:5443 --ca ca.pem --cert client.pem --key client.key
using ExchangeHub.HealthProbe;

ProbeOptions options;
try
{
    options = ProbeOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync("usage: --address <url> [--service <name>] [--ca <pem>] [--cert <pem> --key <pem>] [--timeout <seconds>]");
    return 2;
}
try
{
    return await Probe.RunAsync(options);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
{
    // An unreadable certificate is a failed check, not a crash.
    await Console.Error.WriteLineAsync($"{options.Address}: {ex.Message}");
    return 1;
}
