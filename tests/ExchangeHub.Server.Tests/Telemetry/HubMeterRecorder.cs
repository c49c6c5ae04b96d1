using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ExchangeHub.Server.Tests.Telemetry;

/// <summary>
/// Records the measurements of one hub's own meters (those its <see cref="IMeterFactory"/> created), in process. A
/// <c>/metrics</c> scrape aggregates every hub of the test process — OpenTelemetry listens to meters by name, and the
/// tests run many hubs side by side — and a metric stream it shares with a disposed hub's instrument can stop
/// updating; this reads one hub's measurements only. For a counter, <see cref="Sum"/> adds the values; for a histogram,
/// <see cref="Count"/> counts the recordings.
/// </summary>
internal sealed class HubMeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public HubMeterRecorder(IServiceProvider hubServices)
    {
        var factory = hubServices.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument
            && tags.All(t => m.Tags.Any(x => x.Key == t.Key && string.Equals(x.Value?.ToString(), t.Value, StringComparison.Ordinal))));

    public void Dispose() => _listener.Dispose();
}
