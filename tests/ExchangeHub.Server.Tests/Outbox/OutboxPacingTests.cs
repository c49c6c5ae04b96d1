using ExchangeHub.Server.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>The relay's back-off and wake-up signal, on a controlled clock.</summary>
public sealed class OutboxPacingTests
{
    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(3, 2_000)]
    [InlineData(6, 16_000)]
    [InlineData(7, 30_000)]
    [InlineData(50, 30_000)]
    public void RetryDelay_FailedRounds_DoublesFromInitialUpToTheCap(int failedRounds, int expectedMs)
    {
        var options = new MessagingOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), options.RetryDelay(failedRounds));
    }

    [Fact]
    public async Task WaitAsync_NotifiedBeforeWaiting_ReturnsSignalled()
    {
        var signal = new OutboxSignal();
        signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.FromHours(1), new FakeTimeProvider(), CancellationToken.None));
    }

    [Fact]
    public async Task WaitAsync_NotifiedWhileWaiting_ReturnsSignalled()
    {
        var signal = new OutboxSignal();
        var wait = signal.WaitAsync(TimeSpan.FromHours(1), new FakeTimeProvider(), CancellationToken.None);
        signal.Notify();
        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitAsync_NoSignalUntilPollInterval_ReturnsNotSignalled()
    {
        var clock = new FakeTimeProvider();
        var signal = new OutboxSignal();
        var wait = signal.WaitAsync(TimeSpan.FromMilliseconds(200), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(await wait);
    }
}
