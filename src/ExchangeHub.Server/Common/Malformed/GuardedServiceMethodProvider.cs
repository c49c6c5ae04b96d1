using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ExchangeHub.Server.Common.Malformed;

/// <summary>
/// Binds a generated gRPC service the way grpc-dotnet's own binder does (the generated <c>BindService</c>, each method to
/// the service's override, the type's and the method's attributes as endpoint metadata), with every method's request
/// marshaller guarded (<see cref="MalformedMessageGuard"/>). It replaces the default binder for every service
/// (<see cref="Extensions.AddMalformedMessageGuard"/>), so no method — health and reflection included — answers a
/// malformed message with UNKNOWN.
/// </summary>
public sealed class GuardedServiceMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is not { } bind)
            {
                continue;
            }
            var bindMethod = bind.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Single(m => m.Name == bind.BindMethodName && m.GetParameters() is [{ ParameterType: var first }, { ParameterType: var second }]
                    && first == typeof(ServiceBinderBase) && second == type);
            bindMethod.Invoke(null, [new Binder(context, type), null]);
            return;
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type declaringType) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(MalformedMessageGuard.Guard(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(MalformedMessageGuard.Guard(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(MalformedMessageGuard.Guard(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(MalformedMessageGuard.Guard(method), metadata, invoker);
        }

        /// <summary>The service's override of the generated method (an open-instance delegate) and its endpoint metadata.</summary>
        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                is { IsVirtual: true } found && found.GetBaseDefinition().DeclaringType == declaringType
                ? found
                : throw new InvalidOperationException($"{typeof(TService).Name} has no override of {declaringType.Name}.{name}.");
            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new Microsoft.AspNetCore.Routing.HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }
    }
}
