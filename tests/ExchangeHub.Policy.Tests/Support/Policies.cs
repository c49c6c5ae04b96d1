using ExchangeHub.Policy;
using ExchangeHub.Policy.Loading;

namespace ExchangeHub.Policy.Tests.Support;

/// <summary>The repository's policy file, loaded once.</summary>
internal static class Policies
{
    public static readonly string DraftPath = Path.Combine(AppContext.BaseDirectory, "policies", "xpcc-2024.json");

    private static readonly Lazy<PolicySet> LazyDraft = new(() => PolicyLoader.Load(DraftPath));

    public static PolicySet Draft => LazyDraft.Value;

    public static string DraftText => File.ReadAllText(DraftPath);

    public static PolicySet FromText(string json) => PolicyLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json));
}
