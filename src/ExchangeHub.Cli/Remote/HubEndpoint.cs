using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Cli.Remote;

/// <summary>Where the hub is and how to authenticate: a bearer token (development) or a client certificate (production).</summary>
public sealed record HubEndpoint(string Address, string? Token, string? CertificatePath, string? KeyPath, string? CaPath, TimeSpan Timeout)
{
    /// <summary>Opens a channel; throws <see cref="HubEndpointException"/> when the options do not make a usable connection.</summary>
    public GrpcChannel OpenChannel()
    {
        if (!Uri.TryCreate(Address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HubEndpointException($"--hub must be an http:// or https:// address, not '{Address}'");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && (CertificatePath ?? CaPath) is not null)
        {
            throw new HubEndpointException("--cert and --ca need an https:// hub address");
        }
        if (KeyPath is not null && CertificatePath is null)
        {
            throw new HubEndpointException("--key needs --cert");
        }
        var options = new GrpcChannelOptions
        {
            HttpHandler = TlsHandler.Create(CertificatePath, KeyPath, CaPath),
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        };
        if (Token is not null)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + Token);
                return Task.CompletedTask;
            });
            var secure = uri.Scheme == Uri.UriSchemeHttps;
            options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);
            // Development tokens travel over plain HTTP/2 on loopback: the hub accepts them nowhere else.
            options.UnsafeUseInsecureChannelCallCredentials = !secure;
        }
        return GrpcChannel.ForAddress(uri, options);
    }
}
