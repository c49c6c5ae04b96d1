using ExchangeHub.Contracts.Refunds;
using ExchangeHub.Server.Outbox;

namespace ExchangeHub.Server.Tests.Outbox;

/// <summary>
/// <see cref="Poison.Check(PendingMessage)"/> decides what the relay may publish: a payload goes out byte for byte or
/// the row is parked — a lone surrogate is never turned into U+FFFD on its way to subscribers.
/// </summary>
public sealed class PoisonCheckTests
{
    private static PendingMessage Row(string payload) =>
        new(1, Guid.NewGuid(), EventTypes.NameOf(typeof(RefundOffered)), "S", payload);

    [Fact]
    public void Check_WellFormedObject_HandsOverItsExactUtf8Bytes()
    {
        const string payload = "{\"unitName\":\"兵团第一师\",\"amount\":\"12.34\"}";
        var type = Poison.Check(Row(payload), out var utf8, out var length);
        try
        {
            Assert.Equal(typeof(RefundOffered), type);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(payload), utf8.AsSpan(0, length).ToArray());
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // Attribute strings are stored as UTF-8 (a lone surrogate would become U+FFFD at compile time): "<HI>" and "<LO>"
    // stand for a lone high and low surrogate, put in when the test runs.
    [Theory]
    [InlineData("{\"name\":\"a<HI>b\"}", "lone surrogate")]
    [InlineData("{\"name\":\"a<LO>\"}", "lone surrogate")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"a\":1} {}", "not valid JSON")]
    [InlineData("{\"a\":", "not valid JSON")]
    public void Check_UnpublishablePayload_IsPoisonAndSaysWhy(string payload, string reason)
    {
        payload = payload.Replace("<HI>", "\uD800", StringComparison.Ordinal).Replace("<LO>", "\uDC00", StringComparison.Ordinal);
        var ex = Assert.Throws<PoisonMessageException>(() => Poison.Check(Row(payload)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LoneSurrogateInAPayload_RefusedNotReplaced()
    {
        var envelope = new StoredEnvelopeSerializer.Envelope(Guid.NewGuid(), null, null, null, null, null, null, null, null, [], DateTime.UtcNow, []);
        Assert.ThrowsAny<ArgumentException>(() => StoredEnvelopeSerializer.Write(envelope, "{\"name\":\"a\uD800\"}"));
    }
}
