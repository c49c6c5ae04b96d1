using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ExchangeHub.Server.Storage;

/// <summary>
/// The hub's schema. Provider-specific subclasses exist only so that each provider has its own migrations
/// (<see cref="SqliteHubDbContext"/>, <see cref="PostgresHubDbContext"/>); the model is the same.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ContributionLineRow> ContributionLines => Set<ContributionLineRow>();
    public DbSet<SettlementStatusRow> SettlementStatuses => Set<SettlementStatusRow>();
    public DbSet<UnitRow> Units => Set<UnitRow>();
    public DbSet<TransferRequestRow> TransferRequests => Set<TransferRequestRow>();
    public DbSet<SkillCertificateRow> SkillCertificates => Set<SkillCertificateRow>();
    public DbSet<TrainingSubsidyPaymentRow> TrainingSubsidyPayments => Set<TrainingSubsidyPaymentRow>();
    public DbSet<SkillSubsidyDecisionRow> SkillSubsidyDecisions => Set<SkillSubsidyDecisionRow>();
    public DbSet<SubsidyClawbackRow> SubsidyClawbacks => Set<SubsidyClawbackRow>();
    public DbSet<BenefitClaimRow> BenefitClaims => Set<BenefitClaimRow>();
    public DbSet<BenefitDecisionRow> BenefitDecisions => Set<BenefitDecisionRow>();
    public DbSet<TransferCaseRow> TransferCases => Set<TransferCaseRow>();
    public DbSet<TransferDeadlineNoticeRow> TransferDeadlineNotices => Set<TransferDeadlineNoticeRow>();
    public DbSet<TransferCaseStatusRow> TransferCaseStatuses => Set<TransferCaseStatusRow>();
    public DbSet<RecordVersionRow> RecordVersions => Set<RecordVersionRow>();
    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();
    public DbSet<AuditCheckpointRow> AuditCheckpoints => Set<AuditCheckpointRow>();
    public DbSet<OutboxMessageRow> OutboxMessages => Set<OutboxMessageRow>();
    public DbSet<RefundDecisionRow> RefundDecisions => Set<RefundDecisionRow>();
    public DbSet<RefundCaseRow> RefundCases => Set<RefundCaseRow>();
    public DbSet<ReconciliationRunRow> ReconciliationRuns => Set<ReconciliationRunRow>();
    public DbSet<ReconciliationExceptionRow> ReconciliationExceptions => Set<ReconciliationExceptionRow>();
    public DbSet<RequestIdRow> RequestIds => Set<RequestIdRow>();
    public DbSet<DecisionFollowupRow> DecisionFollowups => Set<DecisionFollowupRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        FeedTable<ContributionLineRow>(modelBuilder, "contribution_lines");
        FeedTable<SettlementStatusRow>(modelBuilder, "settlement_statuses");
        FeedTable<UnitRow>(modelBuilder, "units");
        FeedTable<TransferRequestRow>(modelBuilder, "transfer_requests");
        FeedTable<SkillCertificateRow>(modelBuilder, "skill_certificates");
        FeedTable<TrainingSubsidyPaymentRow>(modelBuilder, "training_subsidy_payments");
        modelBuilder.Entity<SkillCertificateRow>(e =>
        {
            e.HasIndex(c => c.CertificateNumber);
            e.HasIndex(c => c.ResidentId);
        });
        modelBuilder.Entity<TrainingSubsidyPaymentRow>(e => e.HasIndex(p => p.CertificateNumber));
        modelBuilder.Entity<SkillSubsidyDecisionRow>(e =>
        {
            e.ToTable("skill_subsidy_decisions");
            e.HasIndex(d => new { d.CertificateNumber, d.IsCurrent });
            e.HasIndex(d => new { d.PersonKey, d.IsCurrent });
        });
        modelBuilder.Entity<SubsidyClawbackRow>(e =>
        {
            e.ToTable("subsidy_clawbacks");
            e.HasIndex(c => c.CertificateNumber).IsUnique();
        });
        modelBuilder.Entity<BenefitClaimRow>(e =>
        {
            e.ToTable("benefit_claims");
            e.HasIndex(c => c.ClaimId).IsUnique();
            e.HasIndex(c => c.ResidentId);
            e.HasIndex(c => c.PersonKey);
            e.HasIndex(c => new { c.Status, c.OverdueNotified });
        });
        modelBuilder.Entity<BenefitDecisionRow>(e =>
        {
            e.ToTable("benefit_decisions");
            e.HasIndex(d => new { d.ClaimId, d.IsCurrent });
        });
        modelBuilder.Entity<TransferCaseRow>(e =>
        {
            e.ToTable("transfer_cases");
            e.HasIndex(t => t.TransferId).IsUnique();
            e.HasIndex(t => t.ResidentId);
            e.HasIndex(t => t.PersonKey);
            e.HasIndex(t => new { t.Status, t.DeadlineNotified });
            e.Property(t => t.TransferId).HasMaxLength(64);
        });
        modelBuilder.Entity<TransferCaseStatusRow>(e =>
        {
            e.ToTable("transfer_case_statuses");
            e.HasIndex(s => s.TransferId);
            e.Property(s => s.TransferId).HasMaxLength(64);
        });
        modelBuilder.Entity<TransferDeadlineNoticeRow>(e =>
        {
            e.ToTable("transfer_deadline_notices");
            e.HasKey(n => n.TransferId);
            e.Property(n => n.TransferId).HasMaxLength(64);
        });

        modelBuilder.Entity<RecordVersionRow>(e =>
        {
            e.ToTable("record_versions");
            e.HasIndex(r => new { r.RecordTable, r.RecordId });
        });
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
        });
        modelBuilder.Entity<AuditCheckpointRow>(e =>
        {
            e.ToTable("audit_checkpoints");
            e.HasKey(c => c.TreeSize);
            e.Property(c => c.TreeSize).ValueGeneratedNever();
        });

        modelBuilder.Entity<OutboxMessageRow>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.HasIndex(m => m.MessageId).IsUnique();
            // The relay's work list: unsent rows in order.
            e.HasIndex(m => new { m.SentAtUnixMs, m.Sequence });
            // The subjects a parked row holds (every relay read leaves them out): only parked unsent rows, so the read
            // no longer visits every unsent row to look for them — with a backlog that made each read O(backlog).
            e.HasIndex(m => m.SubjectKey)
                .HasFilter("sent_at_unix_ms IS NULL AND parked_at_unix_ms IS NOT NULL AND released_at_unix_ms IS NULL");
            // "00-" + 32 + "-" + 16 + "-" + 2 hex: 55 characters; a little room for a future version of the format.
            e.Property(m => m.TraceParent).HasMaxLength(128);
        });
        modelBuilder.Entity<RefundDecisionRow>(e =>
        {
            e.ToTable("refund_decisions");
            e.HasIndex(d => new { d.Uscc, d.ProgramYear, d.IsCurrent });
            e.HasIndex(d => new { d.ProgramYear, d.IsCurrent, d.Outcome, d.DivisionCode });
        });
        modelBuilder.Entity<RefundCaseRow>(e =>
        {
            e.ToTable("refund_cases");
            e.HasIndex(c => new { c.Uscc, c.ProgramYear }).IsUnique();
            e.HasIndex(c => new { c.State, c.ProgramYear });
        });
        modelBuilder.Entity<ReconciliationRunRow>(e => e.ToTable("reconciliation_runs"));
        modelBuilder.Entity<ReconciliationExceptionRow>(e =>
        {
            e.ToTable("reconciliation_exceptions");
            e.HasIndex(x => new { x.RunId, x.Code });
            e.HasIndex(x => x.SubjectKey);
        });

        modelBuilder.Entity<RequestIdRow>(e =>
        {
            e.ToTable("request_ids");
            // One first reply per (agency, method, request id): the unique key that lets exactly one call claim an id.
            e.HasKey(r => new { r.AgencyId, r.Method, r.RequestId });
            e.Property(r => r.AgencyId).HasMaxLength(64);
            e.Property(r => r.Method).HasMaxLength(200);
            e.Property(r => r.RequestId).HasMaxLength(128);
            e.Property(r => r.RequestSha256).HasMaxLength(64);
            e.Property(r => r.State).HasMaxLength(16);
            // The sweep's work list.
            e.HasIndex(r => r.CreatedAtUnixMs);
        });
        modelBuilder.Entity<DecisionFollowupRow>(e =>
        {
            e.ToTable("decision_followups");
            // One mark per subject: a feed batch's upsert moves its due time (the debounce), never adds a second row.
            e.HasKey(f => new { f.Programme, f.Subject });
            e.Property(f => f.Programme).HasMaxLength(16);
            e.Property(f => f.Subject).HasMaxLength(64);
            // The follow-up round's work list: due marks, oldest first.
            e.HasIndex(f => new { f.Programme, f.DueUnixMs });
        });

        ApplySnakeCaseNames(modelBuilder);
    }

    private static void FeedTable<TRow>(ModelBuilder modelBuilder, string table)
        where TRow : FeedRow
    {
        modelBuilder.Entity<TRow>(e =>
        {
            e.ToTable(table);
            // (agency, source record id) identifies a record: the ingestion upsert relies on this unique index.
            e.HasIndex(r => new { r.AgencyId, r.SourceRecordId }).IsUnique();
            e.Property(r => r.AgencyId).HasMaxLength(64);
            e.Property(r => r.SourceRecordId).HasMaxLength(64);
        });
    }

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => ToSnakeCase(p.Name)))}");
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && !char.IsUpper(name[i - 1]))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
