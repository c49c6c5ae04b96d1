using ExchangeHub.Server.Storage;

namespace ExchangeHub.Server.Common.Followups;

/// <summary>
/// The background loop of one programme's follow-ups (issue 14, item 3): polls for due marks on the hub's
/// <see cref="TimeProvider"/> every quarter of <c>Hub:Decisions:FollowDelay</c> (a subject waits at most 1.25 × the
/// delay; marks left by another replica are seen too) and runs rounds until one is not full. A failed round leaves its
/// marks, tried again at the next poll. Switched off with <c>Hub:Decisions:Follow</c>.
/// </summary>
public abstract class FollowupLoop(FollowupMarks marks, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The hub's clock (tests move a fake one).</summary>
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>The prefix of a follow-up round's run id and correlation id (every programme's).</summary>
    public const string RunIdPrefix = "follow-";

    /// <summary>Most subjects one round re-decides; the rest wait for the next round.</summary>
    public const int SubjectsPerRound = 500;

    /// <summary>A new round's id: <c>follow-</c> and a UUID.</summary>
    protected static string NewRoundId() => RunIdPrefix + Guid.NewGuid().ToString("D");

    /// <summary>One round: returns how many marks it took (<see cref="SubjectsPerRound"/>: more may be due).</summary>
    public abstract Task<int> RoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!marks.Enabled)
        {
            return;
        }
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(marks.Delay.TotalMilliseconds / 4, 10, 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RoundAsync(stoppingToken) == SubjectsPerRound)
                {
                    // a full round: more may be due
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "A follow-up round of {Programme} failed; its marks stay and are tried again", GetType().Name);
            }
            await Task.Delay(poll, Clock, stoppingToken);
        }
    }
}

/// <summary>
/// A follow-up of a person programme: a round takes the due marks of <see cref="Programme"/> (one replica at a time),
/// has the programme re-decide those persons through its own call path (<see cref="FollowAsync"/>), then clears the
/// marks (<see cref="FollowupMarks.ClearAsync"/>: the programme is final for its facts, so a re-decision repeated after
/// a stop stores nothing).
/// </summary>
/// <param name="programme">The programme's mark name (<see cref="FollowupMarks.Skill"/>, <see cref="FollowupMarks.Benefit"/>).</param>
public abstract class PersonFollowupLoop(HubDatabase database, FollowupMarks marks, string programme, TimeProvider clock, ILogger logger)
    : FollowupLoop(marks, clock, logger)
{
    private readonly ClusterMutex _oneReplica = new(database, "decision-followups-" + programme);

    /// <summary>
    /// Re-decides <paramref name="residentIds"/>' decisions under the round's id; returns what it did for the log, or
    /// null when the programme is busy with a call of its own (the marks stay for the next poll).
    /// </summary>
    protected abstract Task<string?> FollowAsync(IReadOnlyList<string> residentIds, string roundId, CancellationToken ct);

    public override async Task<int> RoundAsync(CancellationToken ct)
    {
        await using var held = await _oneReplica.TryEnterAsync(ct);
        if (held is null)
        {
            return 0;
        }
        var now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await FollowupMarks.DueAsync(database, programme, now, SubjectsPerRound, ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var roundId = NewRoundId();
        var done = await FollowAsync(due.Select(d => d.Subject).ToList(), roundId, ct);
        if (done is null)
        {
            return 0;
        }
        await FollowupMarks.ClearAsync(database, programme, due, ct);
        if (Logger.IsEnabled(LogLevel.Information))
        {
            Logger.LogInformation("Follow-up {RunId} of {Programme}: {Marks} persons, {Done}, oldest mark waited {WaitedMs} ms", roundId, programme,
                due.Count, done, now - due.Min(d => d.FirstMarkedUnixMs));
        }
        return due.Count;
    }

    public override void Dispose()
    {
        _oneReplica.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
