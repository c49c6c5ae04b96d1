namespace ExchangeHub.Server.Outbox;

/// <summary>
/// The relay's rounds in flight and the rows they hold (claimed and not yet recorded). Only the relay's loop adds and
/// completes rounds, so what a new claim leaves out cannot change while it reads: a row stays held until its round has
/// recorded it, and a new round takes no row of a subject a running round holds — that subject's next row is published
/// only after the previous one was confirmed and marked (or failed and recorded), as with one round at a time.
/// </summary>
internal sealed class RoundWindow
{
    private readonly List<(Task<OutboxRound> Task, IReadOnlyList<PendingMessage> Rows)> _rounds = [];
    private readonly HashSet<long> _sequences = [];
    private readonly Dictionary<string, int> _subjects = new(StringComparer.Ordinal);
    private int _stopped;

    public int Count => _rounds.Count;

    /// <summary>Every held row's sequence (SQLite's claim leaves them out).</summary>
    public IReadOnlyCollection<long> HeldSequences => _sequences;

    /// <summary>The running rounds.</summary>
    public IEnumerable<Task> Tasks => _rounds.Select(r => (Task)r.Task);

    /// <summary>Set by a failed publish: no round starts another publish until <see cref="Restart"/>.</summary>
    public bool Stopped => Volatile.Read(ref _stopped) != 0;

    public void Stop() => Interlocked.Exchange(ref _stopped, 1);

    public void Restart() => Interlocked.Exchange(ref _stopped, 0);

    /// <summary>The claimed rows a new round may publish: those of subjects no running round holds a row of.</summary>
    public List<PendingMessage> Free(IReadOnlyList<PendingMessage> claimed) =>
        _subjects.Count == 0 ? [.. claimed] : claimed.Where(r => !_subjects.ContainsKey(r.SubjectKey) && !_sequences.Contains(r.Sequence)).ToList();

    public void Add(Task<OutboxRound> round, IReadOnlyList<PendingMessage> rows)
    {
        _rounds.Add((round, rows));
        foreach (var row in rows)
        {
            _sequences.Add(row.Sequence);
            _subjects[row.SubjectKey] = _subjects.GetValueOrDefault(row.SubjectKey) + 1;
        }
    }

    /// <summary>Waits for the finished round <paramref name="task"/> and releases its rows; its outcome or its error.</summary>
    public async Task<(OutboxRound? Round, Exception? Error)> CompleteAsync(Task task)
    {
        var index = _rounds.FindIndex(r => r.Task == task);
        var (round, rows) = _rounds[index];
        _rounds.RemoveAt(index);
        try
        {
            return (await round, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
        finally
        {
            Release(rows);
        }
    }

    /// <summary>Waits for every running round (each records its own outcome) and releases their rows.</summary>
    public async Task DrainAsync()
    {
        while (_rounds.Count > 0)
        {
            await CompleteAsync(_rounds[0].Task);
        }
    }

    private void Release(IReadOnlyList<PendingMessage> rows)
    {
        foreach (var row in rows)
        {
            _sequences.Remove(row.Sequence);
            if (_subjects[row.SubjectKey] is var n && n > 1)
            {
                _subjects[row.SubjectKey] = n - 1;
            }
            else
            {
                _subjects.Remove(row.SubjectKey);
            }
        }
    }
}
