using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeHub.Server.Tests.Security;

/// <summary>Calls any method by name with no payload, whatever its type, and returns the status it ends with.</summary>
public static class RawCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<Status> InvokeAsync(GrpcChannel channel, string fullMethod)
    {
        var parts = fullMethod.Trim('/').Split('/');
        var descriptor = typeof(ExchangeHub.V1.TaxFeedService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<Google.Protobuf.Reflection.ServiceDescriptor>()
            .Single(s => s.FullName == parts[0])
            .FindMethodByName(parts[1]);
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, parts[0], parts[1], Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }
                    break;
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
