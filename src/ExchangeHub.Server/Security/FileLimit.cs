using System.Globalization;

namespace ExchangeHub.Server.Security;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE, soft), read from <c>/proc/self/limits</c>. Every connection costs a
/// file descriptor; running out of them crashed the hub ("Out of memory.", abort), so connections are capped below it.
/// </summary>
public static class FileLimit
{
    /// <summary>The soft limit, or null when unlimited or unknown (not Linux).</summary>
    public static long? Read(string path = "/proc/self/limits")
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadLines(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>"Max open files  1024  4096  files" → 1024.</summary>
    public static long? Parse(IEnumerable<string> lines)
    {
        const string label = "Max open files";
        var line = lines.FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
        var soft = line?[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
