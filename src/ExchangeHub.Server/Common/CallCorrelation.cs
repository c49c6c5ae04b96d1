namespace ExchangeHub.Server.Common;

/// <summary>
/// The correlation id of the events a piece of work causes — one rule for every event (issue 13, IHubEvent.CorrelationId):
/// a run passes its run id; a front-office call's events carry the caller's <c>request_id</c> when it sent one, else
/// an id drawn once for the call (<see cref="ExchangeCall.CorrelationId"/>), the same for all events of that call.
/// Work outside any call (a periodic check) draws one id for its round. Never a decision row id.
/// </summary>
public static class CallCorrelation
{
    private static readonly AsyncLocal<ExchangeCall?> Current = new();

    /// <summary>The current call's correlation id, or a fresh id when no call is being served (the caller keeps it for its round).</summary>
    public static string Id() => Current.Value?.CorrelationId ?? Guid.NewGuid().ToString("D");

    /// <summary>Makes <paramref name="call"/> the call whose events the code below it causes.</summary>
    internal static void Enter(ExchangeCall call) => Current.Value = call;
}
