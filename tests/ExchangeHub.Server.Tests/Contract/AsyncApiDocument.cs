namespace ExchangeHub.Server.Tests.Contract;

/// <summary>
/// Reads docs/events.asyncapi.yaml into nested dictionaries: the block mappings, flow lists (<c>[a, b]</c>), block
/// lists (<c>- key: value</c>) and quoted or plain scalars that file uses — enough to check it, not a YAML parser.
/// </summary>
internal static class AsyncApiDocument
{
    public static Dictionary<string, object> Load()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "events.asyncapi.yaml");
        var lines = File.ReadAllLines(path)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .ToList();
        var at = 0;
        return (Dictionary<string, object>)Block(lines, ref at, 0);
    }

    private static object Block(List<string> lines, ref int at, int indent)
    {
        if (at < lines.Count && Indent(lines[at]) == indent && lines[at].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<object>();
            while (at < lines.Count && Indent(lines[at]) == indent && lines[at].TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                // "- key: value" becomes a one-entry mapping with the lines below it.
                lines[at] = new string(' ', indent + 2) + lines[at].TrimStart()[2..];
                list.Add(Block(lines, ref at, indent + 2));
            }
            return list;
        }
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (at < lines.Count && Indent(lines[at]) == indent && !lines[at].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var text = lines[at].Trim();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = text[..colon];
            var rest = text[(colon + 1)..].Trim();
            at++;
            if (rest == ">-")
            {
                var folded = new List<string>();
                while (at < lines.Count && Indent(lines[at]) > indent)
                {
                    folded.Add(lines[at++].Trim());
                }
                map[key] = string.Join(' ', folded);
            }
            else if (rest.Length > 0)
            {
                map[key] = Scalar(rest);
            }
            else
            {
                map[key] = at < lines.Count && Indent(lines[at]) > indent ? Block(lines, ref at, Indent(lines[at])) : "";
            }
        }
        return map;
    }

    private static object Scalar(string text)
    {
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return text[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList<object>();
        }
        return Unquote(text);
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' ? text[1..^1].Replace("''", "'", StringComparison.Ordinal)
        : text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1]
        : text;

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "events.asyncapi.yaml")))
            {
                return dir.FullName;
            }
        }
        throw new FileNotFoundException("docs/events.asyncapi.yaml not found above " + AppContext.BaseDirectory);
    }
}
