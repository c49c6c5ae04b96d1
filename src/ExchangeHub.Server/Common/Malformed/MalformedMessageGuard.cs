using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Server.Common.Malformed;

/// <summary>
/// The request marshaller of every method, wrapped: a message that fails protobuf parsing becomes an empty stand-in
/// remembered by <see cref="MalformedMessages"/> instead of an exception grpc-dotnet would answer as UNKNOWN before any
/// interceptor ran. The interceptor then refuses the call (INVALID_ARGUMENT, MALFORMED_MESSAGE) inside its audit.
/// </summary>
public static class MalformedMessageGuard
{
    public static Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class =>
        new(method.Type, method.ServiceName, method.Name, Guard(method.RequestMarshaller), method.ResponseMarshaller);

    private static Marshaller<T> Guard<T>(Marshaller<T> inner) where T : class =>
        Marshallers.Create(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException ex)
            {
                return MalformedMessages.StandIn<T>(ex.Message, context.PayloadAsNewBuffer());
            }
        });
}
