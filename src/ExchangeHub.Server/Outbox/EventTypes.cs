using System.Collections.Frozen;
using System.Text.Json;
using ExchangeHub.Contracts;

namespace ExchangeHub.Server.Outbox;

/// <summary>The event types of ExchangeHub.Contracts by stored name, and how their payloads are serialised.</summary>
public static class EventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> ByName = typeof(HubEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(HubEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static string NameOf(Type type) => ByName.ContainsKey(type.FullName!)
        ? type.FullName!
        : throw new ArgumentException($"{type} is not an event of ExchangeHub.Contracts.", nameof(type));

    public static Type Resolve(string name) => ByName.TryGetValue(name, out var type)
        ? type
        : throw new InvalidOperationException($"outbox row names unknown event type '{name}'.");

    public static HubEvent Deserialize(string name, string payload) =>
        (HubEvent)(JsonSerializer.Deserialize(payload, Resolve(name), Json)
            ?? throw new InvalidOperationException($"outbox payload of {name} is empty."));
}
