using Grpc.Core;
using Spectre.Console;

namespace ExchangeHub.Cli.Remote;

/// <summary>
/// Runs a command's calls to the hub and turns failures into exit codes: 1 when the hub refused the request for a
/// reason the operator can act on (FAILED_PRECONDITION, INVALID_ARGUMENT, NOT_FOUND), 2 for every other error.
/// </summary>
public static class HubCall
{
    public static async Task<int> RunAsync(IAnsiConsole console, HubEndpoint endpoint, Func<HubSession, Task<int>> action,
        CancellationToken cancellation)
    {
        try
        {
            using var channel = endpoint.OpenChannel();
            return await action(new HubSession(channel, endpoint.Timeout, cancellation));
        }
        catch (HubEndpointException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            console.MarkupLineInterpolated($"[red]{StatusName.Of(ex.StatusCode)}[/]: {ex.Status.Detail}");
            return 1;
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled || !cancellation.IsCancellationRequested)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the hub at {endpoint.Address} answered {StatusName.Of(ex.StatusCode)}: {ex.Status.Detail}");
            if (Hint(ex, endpoint) is { } hint)
            {
                console.MarkupLineInterpolated($"[grey]{hint}[/]");
            }
            return 2;
        }
    }

    private static string? Hint(RpcException ex, HubEndpoint endpoint) => ex.StatusCode switch
    {
        _ when ex.Status.Detail.Contains("SSL", StringComparison.Ordinal) || ex.Status.DebugException is System.Security.Authentication.AuthenticationException
            => "the TLS handshake failed: pass --ca with the CA that issued the hub's certificate, and --cert/--key with a certificate the hub's agency CA issued",
        StatusCode.Unauthenticated => "pass --token (env EXCHANGEHUB_TOKEN) in development, or --cert/--key with a certificate the hub knows",
        StatusCode.PermissionDenied => "the operator agency needs the HRSS_OPERATOR role (AUDITOR may only read)",
        StatusCode.DeadlineExceeded => $"no answer within {endpoint.Timeout.TotalSeconds:0} s: raise --timeout",
        StatusCode.Unavailable => "is the hub running at that address?",
        _ => null,
    };
}
