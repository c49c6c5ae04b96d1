using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ExchangeHub.Policy.Benchmarks;

// A short job pinned to one core: one launch, 3 warm-ups, 10 measured iterations of 100,000 decisions each.
var job = Job.Default
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(10)
    .WithAffinity(1);
BenchmarkRunner.Run<RefundBenchmark>(DefaultConfig.Instance.AddJob(job.AsDefault()), args);
