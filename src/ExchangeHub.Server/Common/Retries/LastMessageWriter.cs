using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Server.Common.Retries;

/// <summary>
/// Passes a server stream's messages on and keeps the last one: the reply a retry of the same request id gets
/// (RunReconciliation's last message carries the finished run).
/// </summary>
public sealed class LastMessageWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
{
    public byte[]? Last { get; private set; }

    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public async Task WriteAsync(T message)
    {
        await inner.WriteAsync(message);
        Last = ((IMessage)message!).ToByteArray();
    }
}
