using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Cli.Remote;

/// <summary>An open channel to the hub and the options of each call: a fresh deadline, the command's cancellation.</summary>
public sealed class HubSession(GrpcChannel channel, TimeSpan timeout, CancellationToken cancellation)
{
    public GrpcChannel Channel => channel;

    public CancellationToken Cancellation => cancellation;

    public CallOptions Call() => new(deadline: DateTime.UtcNow.Add(timeout), cancellationToken: cancellation);
}
