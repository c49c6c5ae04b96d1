using ExchangeHub.V1;
using Grpc.Core;

namespace ExchangeHub.Server.Common;

/// <summary>
/// Streams the replays of many stored decisions, one response per decision with the total first known, so an
/// operator's "replay every current decision" is one call (the person programmes' Replay…Decisions methods).
/// </summary>
public static class ReplayStreams
{
    /// <summary>Replays each key in order; a decision gone since the keys were read is skipped.</summary>
    public static async Task WriteAsync<TKey, TResponse>(IReadOnlyList<TKey> keys, Func<TKey, CancellationToken, Task<PersonDecisionReplay?>> replay,
        IServerStreamWriter<TResponse> stream, Func<DecisionReplay, int, TResponse> response, ServerCallContext context)
    {
        foreach (var key in keys)
        {
            if (await replay(key, context.CancellationToken) is { } replayed)
            {
                await stream.WriteAsync(response(replayed.ToContract(), keys.Count), context.CancellationToken);
            }
        }
    }
}
