namespace ExchangeHub.Benchmarks;

/// <summary>A benchmark part's temporary directory: deleted when the part ends, unless <c>--keep-files</c>.</summary>
internal sealed class WorkDirectory(string prefix, bool keep) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        if (keep)
        {
            Console.WriteLine($"  files kept in {Path}");
        }
        else
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
