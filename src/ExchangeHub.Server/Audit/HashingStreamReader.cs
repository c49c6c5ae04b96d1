using ExchangeHub.Server.Common.Malformed;
using Grpc.Core;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Passes a request stream through, adding each message to the call's payload hash; a message that failed protobuf
/// parsing ends the call with INVALID_ARGUMENT (MALFORMED_MESSAGE) naming its zero-based index in the stream.
/// </summary>
public sealed class HashingStreamReader<T>(IAsyncStreamReader<T> inner, PayloadHash hash) : IAsyncStreamReader<T>
{
    private long _index = -1;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken))
        {
            return false;
        }
        _index++;
        hash.Add(inner.Current);
        return MalformedMessages.Of(inner.Current) is { } malformed ? throw MalformedMessages.Refusal(malformed, _index) : true;
    }
}
