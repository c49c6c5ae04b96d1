namespace ExchangeHub.Benchmarks;

/// <summary>Finds the repository root (the directory holding ExchangeHub.sln).</summary>
internal static class RepoLocator
{
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExchangeHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchmarkException("cannot find the repository root (no ExchangeHub.sln above the current directory).");
    }
}
