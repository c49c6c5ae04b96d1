using System.Text.RegularExpressions;

namespace ExchangeHub.Server.Tests.Layout;

/// <summary>
/// The hub's shape (README, "Layout"): a feature folder (one step or programme) imports shared folders only, never
/// another feature; shared folders import no feature and no shared folder imports back along a cycle. The root files
/// (HubApp.cs, Program.cs) are the composition root and may import everything.
/// </summary>
public sealed partial class FeatureFolderTests
{
    /// <summary>One step or programme each.</summary>
    public static readonly string[] Features = ["Feeds", "Reconciliation", "Refunds", "Skills", "Benefits", "Transfers", "Persons", "WhatIf"];

    /// <summary>Code that two or more features use.</summary>
    public static readonly string[] Shared = ["Common", "Configuration", "Storage", "Facts", "Outbox", "Audit", "Security", "Scheduling", "Telemetry"];

    [Fact]
    public void EveryFolder_IsAFeatureOrShared()
    {
        var unknown = Folders().Where(f => !Features.Contains(f) && !Shared.Contains(f)).ToList();
        Assert.True(unknown.Count == 0, $"folders neither feature nor shared (list them in {nameof(FeatureFolderTests)} and the README): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void FeatureFolders_ImportNoOtherFeature()
    {
        var offences = Imports().Where(i => Features.Contains(i.From) && Features.Contains(i.To) && i.From != i.To)
            .Select(i => $"{i.File} imports {i.To}").Distinct().ToList();
        Assert.True(offences.Count == 0, "a feature imports another feature (move the shared code to Common/ or Facts/, or raise an interface there):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void SharedFolders_ImportNoFeature()
    {
        var offences = Imports().Where(i => Shared.Contains(i.From) && Features.Contains(i.To))
            .Select(i => $"{i.File} imports {i.To}").Distinct().ToList();
        Assert.True(offences.Count == 0, "shared code imports a feature:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void SharedFolders_HaveNoCycle()
    {
        var edges = Imports().Where(i => Shared.Contains(i.From) && Shared.Contains(i.To) && i.From != i.To)
            .GroupBy(i => i.From).ToDictionary(g => g.Key, g => g.Select(i => i.To).ToHashSet());
        foreach (var start in Shared)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<List<string>>([[start]]);
            while (stack.Count > 0)
            {
                var path = stack.Pop();
                foreach (var next in edges.GetValueOrDefault(path[^1]) ?? [])
                {
                    Assert.False(next == start, $"shared folders import each other in a cycle: {string.Join(" → ", path.Append(next))}");
                    if (seen.Add(next))
                    {
                        stack.Push([.. path, next]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Check_FindsAnImportOfAnotherFeature()
    {
        // The check itself: a feature file naming another feature's namespace is found, in each form the compiler accepts.
        var found = ImportsIn("Refunds", "Refunds/X.cs",
            "using ExchangeHub.Server.Reconciliation;\nvar x = ExchangeHub.Server.Benefits.Y.Z; var y = Transfers.TransferWorkflow.Q; /// <see cref=\"Skills.S\"/>");
        Assert.Equal(["Benefits", "Reconciliation", "Skills", "Transfers"], found.Select(i => i.To).Distinct().Order());
    }

    private sealed record Import(string From, string To, string File);

    private static string ServerRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExchangeHub.sln")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("ExchangeHub.sln above the test binaries"), "src", "ExchangeHub.Server");
        }
    }

    private static IEnumerable<string> Folders() => Directory.GetDirectories(ServerRoot).Select(Path.GetFileName)
        .Where(n => n is not ("bin" or "obj")).Select(n => n!);

    private static IEnumerable<Import> Imports()
    {
        foreach (var folder in Folders())
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ServerRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(ServerRoot, file);
                if (relative.Contains("Migrations", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var import in ImportsIn(folder, relative, File.ReadAllText(file)))
                {
                    yield return import;
                }
            }
        }
    }

    private static IEnumerable<Import> ImportsIn(string folder, string file, string text)
    {
        var names = Features.Concat(Shared).ToArray();
        foreach (Match m in QualifiedName().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (names.Contains(name))
            {
                yield return new Import(folder, name, file);
            }
        }
    }

    /// <summary>ExchangeHub.Server.X, or X.Member written inside the hub's namespace (which resolves to the sibling folder X).</summary>
    [GeneratedRegex(@"ExchangeHub\.Server\.(?<name>[A-Z]\w*)\b|(?<![\w.])(?<name>[A-Z]\w*)\.[A-Z]")]
    private static partial Regex QualifiedName();
}
