using System.Data.Common;
using ExchangeHub.AuditLog;
using ExchangeHub.AuditLog.Merkle;
using ExchangeHub.Contracts;
using ExchangeHub.Policy;
using ExchangeHub.Server.Common;
using ExchangeHub.Server.Configuration;
using ExchangeHub.Server.Outbox;
using ExchangeHub.Server.Storage;
using Microsoft.Extensions.Options;

namespace ExchangeHub.Server.Audit;

/// <summary>
/// Signs a checkpoint of the Merkle log every <see cref="AuditOptions.CheckpointInterval"/> while there are new
/// entries, so an entry is covered by a signed root within a second of its commit. Replicas sharing a PostgreSQL
/// database take a cluster lease per round (pg_try_advisory_lock), so one of them signs and there is one tree; each
/// keeps its own compact range (the tree's right border) and reads only the leaves added since its last round.
/// </summary>
public sealed class AuditCheckpointer : BackgroundService
{
    private readonly HubDatabase database;
    private readonly AuditSigningKey key;
    private readonly TimeProvider clock;
    private readonly ILogger<AuditCheckpointer> logger;
    private readonly TimeSpan interval;
    private readonly AuditSubtreeCache cache;
    private readonly OutboxWriter outbox;
    private readonly OutboxSignal outboxSignal;
    private readonly PolicySet policy;
    private readonly bool receipts;

    /// <summary>Refuses an interval that could not keep the one-second promise of the receipts: the hub does not start.</summary>
    public AuditCheckpointer(HubDatabase database, AuditSigningKey key, AuditSubtreeCache cache, OutboxWriter outbox, OutboxSignal outboxSignal,
        PolicySet policy, IOptions<HubOptions> options, TimeProvider clock, ILogger<AuditCheckpointer> logger)
    {
        interval = options.Value.Audit.CheckpointInterval;
        receipts = options.Value.Audit.Receipts;
        if (interval <= TimeSpan.Zero || interval > TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException($"Hub:Audit:CheckpointInterval must be more than 0 and at most 00:00:01, not {interval}.");
        }
        this.database = database;
        this.key = key;
        this.clock = clock;
        this.logger = logger;
        this.cache = cache;
        this.outbox = outbox;
        this.outboxSignal = outboxSignal;
        this.policy = policy;
        _tree = new MerkleCompactRange(cache.Add);
    }

    /// <summary>Leaves read in one round at the most; a long backlog is signed in steps.</summary>
    private const int MaxLeavesPerRound = 50_000;

    /// <summary>The tree's right border; every subtree it completes goes to the proofs' cache.</summary>
    private MerkleCompactRange _tree;
    private bool _backfilled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!receipts)
        {
            logger.LogWarning("Hub:Audit:Receipts is off: no audit checkpoints are signed and feed replies carry no receipts");
            return;
        }
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Signing audit checkpoints with key {KeyId} (public key {PublicKeyFile})", key.KeyId, key.PublicKeyFile);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The tree is rebuilt from the rows at the next round: nothing held in memory is trusted after a failure.
                _tree = new MerkleCompactRange(cache.Add);
                if (logger.IsEnabled(LogLevel.Error))
                {
                    logger.LogError(ex, "Signing an audit checkpoint failed; trying again");
                }
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <summary>One round: under the lease, seal old rows, read the new leaves, sign and store a checkpoint if the tree grew.</summary>
    public async Task<AuditCheckpoint?> RunOnceAsync(CancellationToken ct)
    {
        if (await database.TryHoldAsync(LockScope.PeriodicCheck, nameof(AuditCheckpointer), ct) is not { } lease)
        {
            return null;
        }
        await using (lease)
        {
            if (!_backfilled)
            {
                await SealUnsealedRowsAsync(ct);
                _backfilled = true;
            }
            AuditCheckpoint? latest;
            await using (var connection = await database.OpenReaderAsync(ct))
            {
                await ReadNewLeavesAsync(connection, ct);
                latest = await AuditCheckpointTable.ReadLatestAsync(connection, ct);
            }
            if (_tree.Size <= (latest?.TreeSize ?? 0))
            {
                return null;
            }
            var checkpoint = key.Sign(_tree.Size, Convert.ToHexStringLower(_tree.Root()), clock.GetUtcNow().ToUnixTimeMilliseconds());
            await using var writer = await database.AcquireWriterAsync(ct);
            await writer.BeginAsync(ct);
            var insert = writer.Command(AuditCheckpointTable.InsertSql + " ON CONFLICT (tree_size) DO NOTHING", 5);
            var values = AuditCheckpointTable.Values(checkpoint);
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }
            // A replica that signed the same size first keeps its row; only the inserted checkpoint is announced.
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
            {
                await outbox.EnqueueAsync(writer, Signed(checkpoint), ct);
            }
            await writer.CommitAsync(ct);
            outboxSignal.Notify();
            return checkpoint;
        }
    }

    /// <summary>The event of one checkpoint: every subscriber that keeps these is a witness of the log.</summary>
    private AuditCheckpointSigned Signed(AuditCheckpoint checkpoint) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(checkpoint.TimestampUnixMs), PolicyId = policy.Id,
        PolicyVersion = policy.Stamp(), SubjectKey = LogSubject, CorrelationId = $"audit-checkpoint-{checkpoint.TreeSize}",
        TreeSize = checkpoint.TreeSize, RootHash = checkpoint.RootHash, TimestampUnixMs = checkpoint.TimestampUnixMs,
        KeyId = checkpoint.KeyId, Signature = checkpoint.Signature,
    };

    /// <summary>The subject of every <see cref="AuditCheckpointSigned"/>: the one log.</summary>
    public const string LogSubject = "audit-log";

    private async Task ReadNewLeavesAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence, leaf_hash FROM {AuditLogTable.Name} WHERE sequence > @after ORDER BY sequence LIMIT {MaxLeavesPerRound}";
        var after = command.CreateParameter();
        after.ParameterName = "@after";
        after.Value = _tree.Size;
        command.Parameters.Add(after);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var leaf = reader.GetString(1);
            if (sequence != _tree.Size + 1 || leaf.Length == 0)
            {
                throw new InvalidOperationException($"audit row {_tree.Size + 1} is missing or has no leaf; not signing over it");
            }
            _tree.Append(Convert.FromHexString(leaf));
        }
    }

    /// <summary>
    /// Rows written before the Merkle log (no leaf) get their salt and leaf, in order, once at start: the tree covers
    /// the whole trail. Every new append carries its leaf, so only rows from before the upgrade are touched.
    /// </summary>
    private async Task SealUnsealedRowsAsync(CancellationToken ct)
    {
        IReadOnlyList<AuditEntry> unsealed;
        await using (var connection = await database.OpenReaderAsync(ct))
        {
            unsealed = await AuditLogVerifier.ReadRowsAsync(connection, unsealedOnly: true, ct);
        }
        if (unsealed.Count == 0)
        {
            return;
        }
        await using var writer = await database.AcquireWriterAsync(ct);
        await writer.BeginAsync(ct);
        foreach (var row in unsealed)
        {
            var sealedRow = AuditLeaf.Seal(row);
            var update = writer.Command($"UPDATE {AuditLogTable.Name} SET payload_salt = @p0, salted_payload_sha256 = @p1, leaf_hash = @p2 WHERE sequence = @p3 AND leaf_hash = ''", 4);
            update.Parameters[0].Value = sealedRow.PayloadSalt;
            update.Parameters[1].Value = sealedRow.SaltedPayloadSha256;
            update.Parameters[2].Value = sealedRow.LeafHash;
            update.Parameters[3].Value = sealedRow.Sequence;
            await update.ExecuteNonQueryAsync(ct);
        }
        await writer.CommitAsync(ct);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Added Merkle leaves to {Count} audit rows written before the tree", unsealed.Count);
        }
    }
}
