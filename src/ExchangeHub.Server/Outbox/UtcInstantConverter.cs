using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// Instants in events are ISO-8601 UTC with a <c>Z</c> (issue 13, docs/events.asyncapi.yaml <c>format: date-time</c>),
/// whatever offset the value carried: subscribers in any language compare them as they arrive.
/// </summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
