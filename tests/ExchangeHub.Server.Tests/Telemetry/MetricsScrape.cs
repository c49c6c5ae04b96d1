using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ExchangeHub.Server.Tests.Telemetry;

/// <summary>One scrape of <c>/metrics</c> in the Prometheus text exposition format, parsed into series.</summary>
internal sealed partial class MetricsScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = [];

    private MetricsScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var match = Series().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            _series.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    /// <summary>GETs <paramref name="url"/> over HTTP/1.1 or, for the gRPC addresses, HTTP/2 without TLS (prior knowledge).</summary>
    public static async Task<MetricsScrape> FromAsync(Uri url, bool http2 = false)
    {
        using var response = await GetAsync(url, http2);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> GetAsync(Uri url, bool http2 = false, HttpMessageHandler? handler = null)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (http2)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        return await client.SendAsync(request);
    }

    /// <summary>The sum of the series named <paramref name="name"/> whose labels include <paramref name="labels"/> (0 if none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => _series
        .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
        .Sum(s => s.Value);

    public bool Has(string name) => _series.Any(s => s.Name == name);

    public IEnumerable<string> LabelValues(string name, string key) => _series
        .Where(s => s.Name == name && s.Labels.ContainsKey(key)).Select(s => s.Labels[key]).Distinct();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Series();

    [GeneratedRegex(""""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)"""")]
    private static partial Regex Label();
}
