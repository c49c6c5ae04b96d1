using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>Drives the follow-ups' polling on a test's fake clock (issue 14, item 3).</summary>
public static class FollowupClock
{
    /// <summary>The settings that switch follow-ups on with <paramref name="delay"/> (TestHub starts with them off).</summary>
    public static Dictionary<string, string?> On(string delay = "00:00:02") => new()
    {
        ["Hub:Decisions:Follow"] = "true",
        ["Hub:Decisions:FollowDelay"] = delay,
    };

    /// <summary>Moves <paramref name="clock"/> a quarter-second at a time until <paramref name="done"/> (at most 30 s of real time).</summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<Task<bool>> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done())
            {
                return;
            }
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(100);
        }
        Assert.Fail("the follow-up did not happen");
    }
}
