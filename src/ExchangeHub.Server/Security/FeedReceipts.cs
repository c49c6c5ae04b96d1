using ExchangeHub.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ExchangeHub.Server.Security;

/// <summary>
/// The <see cref="IngestSummary"/> of a reply, found by its descriptor (every feed reply holds one), so that the
/// interceptor can stamp the call's audit entry on it without a list of feed methods.
/// </summary>
public static class FeedReceipts
{
    public static IngestSummary? SummaryOf(object? reply) => reply is IMessage message
        ? message.Descriptor.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message && f.MessageType == IngestSummary.Descriptor && !f.IsRepeated)
            .Select(f => f.Accessor.GetValue(message))
            .OfType<IngestSummary>()
            .FirstOrDefault()
        : null;
}
