namespace ExchangeHub.Server.Common.Retries;

/// <summary>The <c>Hub:Retries</c> section: how long the hub remembers a client's request ids (README, "Retries").</summary>
public sealed class RetryOptions
{
    /// <summary>
    /// Days a request id and its first reply are kept at least (1 to 3650): a retry within them gets the first reply;
    /// after them the sweep deletes the row and the same id starts a new call.
    /// </summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>How often the hub deletes request ids older than <see cref="KeepDays"/>: 1 second to 1 day.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: this hub sweeps nothing by itself (another replica does).</summary>
    public bool Sweep { get; set; } = true;

    /// <summary>
    /// How long a call waits for another call with the same request id that is still running (then it gets the first
    /// reply); past it the call is ABORTED with a retry delay.
    /// </summary>
    public TimeSpan WaitForFirstCall { get; set; } = TimeSpan.FromSeconds(30);
}
