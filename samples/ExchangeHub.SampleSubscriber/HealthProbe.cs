namespace ExchangeHub.SampleSubscriber;

/// <summary>
/// <c>dotnet ExchangeHub.SampleSubscriber.dll probe</c>: asks the running subscriber's /healthz and exits 0 when it
/// answers 200 (the bus is connected and the queue consumed), 1 otherwise. The .NET runtime image has no curl or
/// wget, so the container's health check runs the subscriber's own binary in this mode.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(Uri healthUrl)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(healthUrl, "/healthz"));
            var body = await response.Content.ReadAsStringAsync();
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {ex.Message}");
            return 1;
        }
    }
}
