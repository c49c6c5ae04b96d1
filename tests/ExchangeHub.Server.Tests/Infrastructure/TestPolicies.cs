using System.Text.Json.Nodes;

namespace ExchangeHub.Server.Tests.Infrastructure;

/// <summary>
/// Policy files for tests. The repository's file covers Xinjiang's calendar for 2025 only (2.(3) calendar coverage), so
/// every claim and transfer deadline of 2024 is undetermined under it; tests of the deadline mechanics on 2024 dates
/// use <see cref="XinjiangCovering2024"/>, which states — for tests only — that Xinjiang adds no local days in 2024.
/// </summary>
public static class TestPolicies
{
    private static readonly Lazy<string> LazyXinjiang2024 = new(() =>
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "xpcc-2024.json")))!;
        root["calendar"]!["coverage"]!["xinjiang"]!.AsArray().Insert(0, 2024);
        root["calendar"]!["regions"]!["xinjiang"]!["2024"] = new JsonObject
        {
            ["clause"] = "2.(3)", ["holidays"] = new JsonArray(), ["make_up_working_days"] = new JsonArray(),
            ["reference"] = "TEST ONLY: Xinjiang 2024 assumed to add no local days, so 2024 deadlines can be counted",
        };
        var path = Path.Combine(Path.GetTempPath(), $"exchangehub-test-policy-xinjiang-2024-{Environment.ProcessId}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    });

    /// <summary>The repository's file with Xinjiang 2024 covered and no local days in it (test only).</summary>
    public static string XinjiangCovering2024 => LazyXinjiang2024.Value;
}
