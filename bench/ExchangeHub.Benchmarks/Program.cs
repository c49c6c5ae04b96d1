namespace ExchangeHub.Benchmarks;

/// <summary>Entry point: dispatches on the first argument (one subcommand per measurement).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            switch (args[0])
            {
                case "ingest":
                    return await IngestCommand.RunAsync(IngestOptions.Parse(args.AsSpan(1)));
                case "reconcile":
                    return await ReconcileCommand.RunAsync(ReconcileOptions.Parse(args.AsSpan(1)));
                case "relay":
                    return await RelayCommand.RunAsync(RelayOptions.Parse(args.AsSpan(1)));
                case "postgres":
                    return await PostgresCommand.RunAsync(PostgresOptions.Parse(args.AsSpan(1)));
                case "follow":
                    return await FollowCommand.RunAsync(args[1..]);
                case "receipts":
                    return await ReceiptsCommand.RunAsync(args[1..]);
                case "growth":
                    return await GrowthCommand.RunAsync(GrowthOptions.Parse(args.AsSpan(1)));
                case "all":
                    return await AllCommand.RunAsync(AllOptions.Parse(args.AsSpan(1)));
                default:
                    Console.Error.WriteLine($"error: unknown command '{args[0]}'.");
                    PrintUsage();
                    return 2;
            }
        }
        catch (BenchmarkException ex)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"BENCHMARK ERROR: {ex.Message}");
            return 1;
        }
    }

    private static void PrintUsage()
    {
        Console.WriteLine("""
            Usage: dotnet run -c Release --project bench/ExchangeHub.Benchmarks -- <command> [options]

            Commands:
              follow   Decisions follow the data (issue 14, item 3): a decided population in a hub process (SQLite,
                       RabbitMQ relay), then one-line corrections of decided units at a steady rate; for each, the time
                       from the call's reply to its unit's first follow-up event on exchangehub.v1.events. p50/p99,
                       goal p99 <= 2 s. Not part of `all`.
                       Options: --units N (500) --rate N per s (10) --seconds N (30) --delay FollowDelay (00:00:00.500)
                                --hub-dll PATH
              receipts Audit receipts' cost on ingestion (issue 15, item 5): the same lines pushed in many small
                       PushContributions calls (one audit entry each) to a fresh SQLite hub with Hub:Audit:Receipts off
                       and on, alternately; best of each, goal on >= 0.9 x off. Then, from each receipts-on database,
                       every entry's time to the first signed checkpoint covering it, goal p99 <= 1 s. Not part of `all`.
                       Options: --lines N (240,000) --lines-per-call N (100) --concurrency N (4) --rounds N (2)
                                --hub-dll PATH --out PATH (default artifacts/bench/receipts.json)
              all      Every measurement below in one run, each against its baseline, then one table (measure, hub,
                       baseline, ratio, goal, result) and artifacts/bench/all.json.
                       Options:
                         --lines N         lines for ingest, reconcile and postgres (default 2,400,000)
                         --units-large N   units of reconcile's second data set (default 100,000; 0 skips it)
                         --growth-lines N  lines for growth (default 12,000,000; 0 skips growth)
                         --events N        events for relay (default 100,000)
                         --out PATH        summary JSON (default artifacts/bench/all.json)
              ingest   Push contribution lines through TaxFeedService.PushContributions to a hub started in its own
                       process, then load the same lines with `sqlite3 .import` into a table of the hub's shape.
                       Options:
                         --lines N       lines to push (default 2,400,000, or persons x 12 when --persons is given)
                         --units N       insured units (default 10,000, or persons / 20 when --lines/--persons given)
                         --persons N     insured persons (default 200,000, or ceil(lines / 12) when --lines given)
                         --batch N       lines per stream message (default 5,000; max 10,000)
                         --hub-dll PATH  the hub (default src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll)
                         --out PATH      JSON results (default artifacts/bench/ingest.json)
                         --keep-files    keep the temporary directory (hub.db, lines.csv, base.db, hub.log)
              reconcile
                       Push units, contribution lines and settlement statuses through the real feeds of a hub
                       started in its own process (not timed), time one RunReconciliation, then time the sqlite3
                       shell running the hub's contribution GROUP BY on the same database file; then the same with
                       the same lines and persons over --units-large units, in a fresh hub. Goals: ratio <= 2 on the
                       first data set (none on the second); the hub's peak RSS during each run <= 256 MiB (VmHWM
                       reset when the pushes end, and at least the VmRSS sampled every 100 ms).
                       Options:
                         --lines N, --units N, --persons N   as for ingest (defaults 2,400,000 / 10,000 / 200,000)
                         --units-large N the second data set's units (default 100,000: 24 lines per unit; 0 skips it)
                         --decision-date D  the run's decision date (default 2024-06-30)
                         --profile       afterwards, time the run's read and compute steps one by one in-process
                         --trace PATH    attach dotnet-trace (sampled thread time) to the hub for the run: PATH.nettrace
                                         and a speedscope JSON beside it (the sampling skews the timing a little);
                                         the second data set's run goes to PATH-<units>-units.nettrace
                         --hub-dll PATH  the hub (default src/ExchangeHub.Server/bin/Release/net10.0/ExchangeHub.Server.dll)
                         --out PATH      JSON results (default artifacts/bench/reconcile.json)
                         --fresh-hub-for-run  stop the hub after the pushes and time the run in a hub started anew
                                         on the same file (the run's memory without what ingestion left behind)
                         --keep-files    keep the temporary directories (hub.db, hub.log; one per data set)
              relay    Drain N RefundOffered events from a fresh SQLite outbox through the hub's OutboxRelay
                       (MassTransit, publisher confirms, per-subject order), then compare with the best run of a plain
                       RabbitMQ.Client publisher with confirms pipelined in a window (64, 256, 1024; tracked and
                       manual) on the same broker; then commit-to-receipt latency at a steady rate.
                       Options:
                         --events N      events (default 100,000)
                         --subjects N    distinct subjects (default 10,000)
                         --broker URI    RabbitMQ (default $EXCHANGEHUB_TEST_RABBITMQ or amqp://guest:guest@127.0.0.1:5672/)
                         --out PATH      JSON results (default artifacts/bench/relay.json)
                         --keep-files    keep the temporary directory (hub.db)
                         --latency-rate N     events/s committed for the latency part (default 1,000)
                         --latency-seconds N  how long (default 15; 0 skips the latency part)
                         --direct-publish  relay with Hub:Messaging:DirectPublish = true (default: the hub's default
                                           relay, pipelined on SQLite; the rounds relay through MassTransit:
                                           --set Hub:Messaging:Pipelined=false --set Hub:Messaging:DirectPublish=false)
                         --set Key=Value   a hub setting for the relay and latency parts (repeatable), e.g.
                                           --set Hub:Messaging:MaxRoundsInFlight=1
                         --relay-only      only the relay and latency parts (no baselines, no ratio, no JSON): profiling, A/B
              postgres The hub on PostgreSQL, one hub over a fresh database: lines pushed through PushContributions
                       (timed) vs psql \copy of the same rows as CSV into a table LIKE contribution_lines INCLUDING
                       ALL; then units and settlements pushed, VACUUM ANALYZE, one RunReconciliation (timed) vs psql
                       running the hub's GROUP BY on the same database. Goals: >= 0.5, <= 3; run peak RSS <= 256 MiB.
                       Options:
                         --lines N, --units N, --persons N, --batch N, --decision-date D   as for ingest / reconcile
                         --postgres CONN  admin connection (default $EXCHANGEHUB_TEST_POSTGRES or exchangehub@127.0.0.1)
                         --hub-dll PATH, --out PATH (default artifacts/bench/postgres.json), --keep-files (and the database)
              growth   Ingestion from 0 to 12 million lines (SQLite) in equal slices, one PushContributions call each:
                       rate per slice, the hub's RSS sampled every 250 ms. Goals: every later slice >= 0.8 x the first
                       slice's rate; peak RSS < 512 MiB.
                       Options:
                         --lines N (or --growth-lines N)  total lines (default 12,000,000)
                         --slices N      slices (default 5: 2.4 million lines each)
                         --batch N, --hub-dll PATH, --out PATH (default artifacts/bench/growth.json), --keep-files
            """);
    }
}
