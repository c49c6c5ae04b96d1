namespace ExchangeHub.Benchmarks;

/// <summary>A failure that makes the measurement meaningless: reported loudly, non-zero exit code.</summary>
internal sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message)
        : base(message)
    {
    }

    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
