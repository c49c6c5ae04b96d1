using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using ExchangeHub.Contracts;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Tests.Infrastructure;
using MassTransit;

namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Issue 13, events as a contract: docs/events.asyncapi.yaml lists every event of ExchangeHub.Contracts with its pinned
/// names (message URN, exchange), every payload property with its JSON type, the required ones and the enum lists —
/// and the hub declares exactly those exchanges on a real broker. Renaming a type, a property or an exchange without
/// the catalogue fails here.
/// </summary>
public sealed class EventCatalogueTests
{
    private static readonly Dictionary<string, object> Doc = AsyncApiDocument.Load();

    public static TheoryData<string> Events => [.. EventTypes.All.Select(t => t.Name)];

    [Fact]
    public void Catalogue_ListsEveryEventAndNoOther()
    {
        var documented = Map(Doc, "components", "messages").Keys.Order(StringComparer.Ordinal);
        Assert.Equal(EventTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), documented);
        var channels = Map(Doc, "channels").Keys.Where(k => k != "allEvents").Order(StringComparer.Ordinal);
        Assert.Equal(EventTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), channels);
        Assert.Equal(Pinned.AllEvents, Map(Doc, "channels", "allEvents")["address"]);
        Assert.Equal(Pinned.AllEvents, typeof(IHubEvent).GetCustomAttribute<EntityNameAttribute>()!.EntityName);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Catalogue_Event_PinnedNamesIndependentOfTheTypeName(string name)
    {
        var type = EventTypes.All.Single(t => t.Name == name);
        var urn = type.GetCustomAttribute<MessageUrnAttribute>(inherit: false);
        var entity = type.GetCustomAttribute<EntityNameAttribute>(inherit: false);
        Assert.NotNull(urn);
        Assert.NotNull(entity);
        Assert.Equal($"urn:message:exchangehub.v1:{name}", urn.Urn.ToString());
        Assert.Equal(urn.Urn.ToString(), MessageUrn.ForTypeString(type));
        Assert.Equal(urn.Urn.ToString(), EventTypes.NameOf(type)); // what the outbox stores
        Assert.Equal(Pinned.Exchange(name), entity.EntityName);
        Assert.Equal(entity.EntityName, Map(Doc, "channels", name)["address"]);
        Assert.Equal(urn.Urn.ToString(), Map(Doc, "components", "messages", name)["name"]);
        // The abstract bases are pinned too (their URNs are in every envelope's messageType) but have no exchange.
        for (var b = type.BaseType; b is not null && b != typeof(object); b = b.BaseType)
        {
            Assert.StartsWith("urn:message:exchangehub.v1:", b.GetCustomAttribute<MessageUrnAttribute>(inherit: false)!.Urn.ToString(), StringComparison.Ordinal);
            Assert.NotNull(b.GetCustomAttribute<ExcludeFromTopologyAttribute>(inherit: false));
        }
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Catalogue_Event_SchemaMatchesTheRecord(string name) =>
        AssertSchema(EventTypes.All.Single(t => t.Name == name), Map(Doc, "components", "schemas", name));

    [Fact]
    public void Catalogue_RuleOutcome_SchemaMatchesTheRecordAndTheTriState()
    {
        var schema = Map(Doc, "components", "schemas", "RuleOutcome");
        AssertSchema(typeof(RuleOutcome), schema);
        Assert.Equal(RuleResults.All, ((List<object>)Map(schema, "properties", "result")["enum"]).Cast<string>());
    }

    [Fact]
    [Trait("broker", "rabbitmq")]
    public async Task Hub_Started_DeclaresExactlyTheCataloguedExchanges()
    {
        var vhost = "exchangehub-catalogue-" + Guid.NewGuid().ToString("N")[..10];
        await RabbitBroker.RabbitMqCtlAsync("add_vhost", vhost);
        try
        {
            var user = EventSubscriber.BrokerUri.UserInfo.Split(':')[0] is { Length: > 0 } u ? Uri.UnescapeDataString(u) : "guest";
            await RabbitBroker.RabbitMqCtlAsync("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
            var broker = new UriBuilder(EventSubscriber.BrokerUri) { Path = "/" + Uri.EscapeDataString(vhost) }.Uri;
            await using var hub = await TestHub.StartAsync(StorageProvider.Sqlite, Outbox.RelaySettings.For(broker));

            var expected = Map(Doc, "channels").Values.Select(c => (string)((Dictionary<string, object>)c)["address"]).Order(StringComparer.Ordinal).ToList();
            List<string> declared = [];
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                declared = [.. (await RabbitBroker.RabbitMqCtlAsync("list_exchanges", "-p", vhost, "name"))
                    .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(n => !n.StartsWith("amq.", StringComparison.Ordinal) && n != "name" && !n.StartsWith("Listing", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)];
                if (declared.Count >= expected.Count)
                {
                    break;
                }
                await Task.Delay(250);
            }
            // Hub-named bus endpoints (MassTransit's temporary exchange of the bus) are not events.
            Assert.Equal(expected, declared.Where(n => n.StartsWith("exchangehub.v1.", StringComparison.Ordinal)));
            Assert.DoesNotContain(declared, n => n.StartsWith("ExchangeHub.Contracts", StringComparison.Ordinal));
        }
        finally
        {
            await RabbitBroker.RabbitMqCtlAsync("delete_vhost", vhost);
        }
    }

    private static void AssertSchema(Type type, Dictionary<string, object> schema)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .ToDictionary(p => JsonName(p.Name));
        var documented = Map(schema, "properties");
        Assert.Equal(properties.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (json, property) in properties)
        {
            var entry = (Dictionary<string, object>)documented[json];
            Assert.True(JsonType(property) == Text(entry["type"]), $"{type.Name}.{json}: {JsonType(property)} in the record, {Text(entry["type"])} in the catalogue");
            var allowed = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Cast<string>().ToList();
            var listed = entry.TryGetValue("enum", out var values) ? ((List<object>)values).Cast<string>().ToList() : null;
            Assert.True(Same(allowed, listed), $"{type.Name}.{json}: enum [{Join(allowed)}] in the record, [{Join(listed)}] in the catalogue");
        }
        var required = properties.Where(p => p.Value.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(required, ((List<object>)schema["required"]).Cast<string>().Order(StringComparer.Ordinal));
    }

    private static string JsonType(PropertyInfo property)
    {
        var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var json = type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? "string"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(bool) ? "boolean"
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? "array"
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) ? "object"
            : throw new InvalidOperationException($"no JSON type for {type}");
        return nullable ? $"{json},null" : json;
    }

    private static string Text(object value) => value is List<object> list ? string.Join(',', list) : (string)value;

    private static bool Same(List<string>? a, List<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    private static string Join(List<string>? values) => values is null ? "" : string.Join(", ", values);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static Dictionary<string, object> Map(Dictionary<string, object> root, params string[] path)
    {
        var node = root;
        foreach (var key in path)
        {
            node = (Dictionary<string, object>)node[key];
        }
        return node;
    }

    /// <summary>The pinned names, written out: a rename of an attribute fails here too.</summary>
    private static class Pinned
    {
        public const string AllEvents = "exchangehub.v1.events";

        public static string Exchange(string typeName) =>
            "exchangehub.v1." + string.Concat(typeName.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
