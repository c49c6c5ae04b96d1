using System.Reflection;
using System.Text.RegularExpressions;
using ExchangeHub.Server.Common;

namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Issue 13, "errors a program can act on": no FAILED_PRECONDITION, NOT_FOUND or ALREADY_EXISTS leaves the hub without
/// <c>google.rpc.ErrorInfo</c>. Every such status is built by Common/RpcErrors (which always attaches one) — a scan of
/// the hub's sources finds any other raise site — and every reason the hub gives is listed in the .proto comments.
/// </summary>
public sealed partial class ErrorInfoCoverageTests
{
    [Fact]
    public void StatusesThatNeedErrorInfo_AreRaisedOnlyThroughRpcErrors()
    {
        var offences = Sources("src", "ExchangeHub.Server")
            .Where(f => Path.GetFileName(f) != "RpcErrors.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => RawStatus().IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "raise these through RpcErrors (with an ErrorReasons reason):\n" + string.Join("\n", offences));
    }

    [Fact]
    public void EveryReason_IsListedInTheContract_AndEveryListedReasonExists()
    {
        var reasons = typeof(ErrorReasons).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var listed = Sources("protos", "exchangehub", "v1").SelectMany(File.ReadLines).Select(l => l.Trim()).ToList();
        var errorText = string.Join(" ", ErrorComments(listed));
        var named = ReasonWord().Matches(errorText).Select(m => m.Value)
            .Where(w => w is not ("INVALID_ARGUMENT" or "NOT_FOUND" or "FAILED_PRECONDITION" or "ALREADY_EXISTS" or "ABORTED"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Empty(reasons.Except(named));
        Assert.Empty(named.Except(reasons));
    }

    [Fact]
    public void EveryRpc_ListsItsErrors()
    {
        var lines = Sources("protos", "exchangehub", "v1").SelectMany(File.ReadLines).Select(l => l.Trim()).ToList();
        var bare = lines.Select((l, i) => (l, i))
            .Where(x => x.l.StartsWith("rpc ", StringComparison.Ordinal))
            .Where(x => !lines.Take(x.i).Reverse().TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Any(l => l.StartsWith("// Errors:", StringComparison.Ordinal)))
            .Select(x => x.l).ToList();
        Assert.Empty(bare);
    }

    /// <summary>The text of every "// Errors:" comment, with its continuation lines.</summary>
    private static IEnumerable<string> ErrorComments(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("// Errors:", StringComparison.Ordinal))
            {
                continue;
            }
            yield return lines[i];
            for (var j = i + 1; j < lines.Count && lines[j].StartsWith("//  ", StringComparison.Ordinal); j++)
            {
                yield return lines[j];
            }
        }
    }

    private static IEnumerable<string> Sources(params string[] path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExchangeHub.sln")))
        {
            dir = dir.Parent;
        }
        var root = Path.Combine([dir?.FullName ?? throw new DirectoryNotFoundException("ExchangeHub.sln above the test binaries"), .. path]);
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".proto", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    /// <summary>A status built by hand with a code that needs an ErrorInfo.</summary>
    [GeneratedRegex(@"StatusCode\.(FailedPrecondition|NotFound|AlreadyExists)|Code\.(FailedPrecondition|NotFound|AlreadyExists)")]
    private static partial Regex RawStatus();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b")]
    private static partial Regex ReasonWord();
}
