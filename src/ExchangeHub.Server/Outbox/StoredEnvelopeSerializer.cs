using System.Buffers;
using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Writes MassTransit's JSON envelope around an outbox row's stored payload, unchanged: the body a subscriber
/// receives is exactly the event committed with the decision, on the first delivery and on every redelivery, and
/// the relay does not deserialise and serialise every event again. Envelope fields (message id, addresses, message
/// types, headers) come from MassTransit's send context, as with its own serializer.
/// </summary>
internal sealed class StoredEnvelopeSerializer(string payload) : IMessageSerializer
{
    public static readonly ContentType MassTransitJson = new("application/vnd.masstransit+json");

    public ContentType ContentType => MassTransitJson;

    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class
    {
        var envelope = new Envelope(context.MessageId, context.RequestId, context.CorrelationId, context.ConversationId, context.InitiatorId,
            context.SourceAddress, context.DestinationAddress, context.ResponseAddress, context.FaultAddress, context.SupportedMessageTypes,
            context.SentTime ?? DateTime.UtcNow, context.Headers.GetAll());
        return new BytesMessageBody(Write(envelope, payload));
    }

    /// <summary>The envelope fields MassTransit's send context carries, for a body written without one (the direct publish).</summary>
    public sealed record Envelope(
        Guid? MessageId,
        Guid? RequestId,
        Guid? CorrelationId,
        Guid? ConversationId,
        Guid? InitiatorId,
        Uri? SourceAddress,
        Uri? DestinationAddress,
        Uri? ResponseAddress,
        Uri? FaultAddress,
        IReadOnlyList<string> MessageTypes,
        DateTime SentTime,
        IEnumerable<KeyValuePair<string, object>> Headers);

    /// <summary>MassTransit's JSON envelope around <paramref name="payload"/>, field for field as its serializer writes it.</summary>
    public static byte[] Write(Envelope envelope, string payload)
    {
        // Strict, as Poison.Check (which runs first on every relay path): never a replacement character in a payload.
        var utf8 = ArrayPool<byte>.Shared.Rent(Poison.Strict.GetMaxByteCount(payload.Length));
        try
        {
            return Write(envelope, utf8.AsSpan(0, Poison.Strict.GetBytes(payload, utf8)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The same envelope around a payload already in UTF-8 (checked by <see cref="Poison.Check(PendingMessage, out byte[], out int)"/>).</summary>
    public static byte[] Write(Envelope envelope, ReadOnlySpan<byte> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteGuid(json, "messageId", envelope.MessageId);
            WriteGuid(json, "requestId", envelope.RequestId);
            WriteGuid(json, "correlationId", envelope.CorrelationId);
            WriteGuid(json, "conversationId", envelope.ConversationId);
            WriteGuid(json, "initiatorId", envelope.InitiatorId);
            WriteAddress(json, "sourceAddress", envelope.SourceAddress);
            WriteAddress(json, "destinationAddress", envelope.DestinationAddress);
            WriteAddress(json, "responseAddress", envelope.ResponseAddress);
            WriteAddress(json, "faultAddress", envelope.FaultAddress);
            json.WriteStartArray("messageType");
            foreach (var type in envelope.MessageTypes)
            {
                json.WriteStringValue(type);
            }
            json.WriteEndArray();
            json.WritePropertyName("message");
            json.WriteRawValue(payload, skipInputValidation: true);
            json.WriteString("sentTime", envelope.SentTime);
            json.WriteStartObject("headers");
            foreach (var header in envelope.Headers)
            {
                json.WritePropertyName(header.Key);
                JsonSerializer.Serialize(json, header.Value, EventTypes.Json);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteGuid(Utf8JsonWriter json, string name, Guid? value)
    {
        if (value is { } id)
        {
            json.WriteString(name, id);
        }
    }

    private static void WriteAddress(Utf8JsonWriter json, string name, Uri? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value.ToString());
        }
    }
}
