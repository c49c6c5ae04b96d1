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
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteGuid(json, "messageId", context.MessageId);
            WriteGuid(json, "requestId", context.RequestId);
            WriteGuid(json, "correlationId", context.CorrelationId);
            WriteGuid(json, "conversationId", context.ConversationId);
            WriteGuid(json, "initiatorId", context.InitiatorId);
            WriteAddress(json, "sourceAddress", context.SourceAddress);
            WriteAddress(json, "destinationAddress", context.DestinationAddress);
            WriteAddress(json, "responseAddress", context.ResponseAddress);
            WriteAddress(json, "faultAddress", context.FaultAddress);
            json.WriteStartArray("messageType");
            foreach (var type in context.SupportedMessageTypes)
            {
                json.WriteStringValue(type);
            }
            json.WriteEndArray();
            json.WritePropertyName("message");
            json.WriteRawValue(payload, skipInputValidation: true);
            json.WriteString("sentTime", context.SentTime ?? DateTime.UtcNow);
            json.WriteStartObject("headers");
            foreach (var header in context.Headers.GetAll())
            {
                json.WritePropertyName(header.Key);
                JsonSerializer.Serialize(json, header.Value, EventTypes.Json);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return new BytesMessageBody(buffer.WrittenSpan.ToArray());
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
