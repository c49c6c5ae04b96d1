using Google.Protobuf;
using Grpc.Core;

namespace ExchangeHub.Server.Audit;

/// <summary>Passes a request stream through, adding each message to the call's payload hash.</summary>
public sealed class HashingStreamReader<T>(IAsyncStreamReader<T> inner, PayloadHash hash) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken))
        {
            return false;
        }
        hash.Add(inner.Current as IMessage);
        return true;
    }
}
