using System.Collections.Frozen;
using System.Text.Json;
using ExchangeHub.Contracts;
using MassTransit;

namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The event types of ExchangeHub.Contracts by stored name, and how their payloads are serialised. An outbox row names
/// its event by the type's pinned message URN (<c>[MessageUrn]</c>, e.g. <c>urn:message:exchangehub.v1:RefundOffered</c>),
/// never by its C# name: renaming or moving a record changes neither the rows already stored nor what subscribers see
/// (issue 13). Rows written before the names were pinned carry the C# full name and still resolve.
/// </summary>
public static class EventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new UtcInstantConverter() } };

    /// <summary>Every concrete event of the contract.</summary>
    public static readonly IReadOnlyList<Type> All = [.. typeof(HubEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(HubEvent).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static readonly FrozenDictionary<Type, string> Names = All.ToFrozenDictionary(t => t, MessageUrn.ForTypeString);

    private static readonly FrozenDictionary<string, Type> ByName = All
        .Select(t => KeyValuePair.Create(Names[t], t))
        .Concat(All.Select(t => KeyValuePair.Create(t.FullName!, t)))
        .ToFrozenDictionary(StringComparer.Ordinal);

    public static string NameOf(Type type) => Names.TryGetValue(type, out var name)
        ? name
        : throw new ArgumentException($"{type} is not an event of ExchangeHub.Contracts.", nameof(type));

    public static Type Resolve(string name) => ByName.TryGetValue(name, out var type)
        ? type
        : throw new InvalidOperationException($"outbox row names unknown event type '{name}'.");

    /// <summary>The event's class name for a metric label (<c>RefundOffered</c>); <c>unknown</c> for a name no event has, so labels stay a closed set.</summary>
    public static string Label(string name) => ByName.TryGetValue(name, out var type) ? type.Name : "unknown";

    public static HubEvent Deserialize(string name, string payload) =>
        (HubEvent)(JsonSerializer.Deserialize(payload, Resolve(name), Json)
            ?? throw new InvalidOperationException($"outbox payload of {name} is empty."));
}
