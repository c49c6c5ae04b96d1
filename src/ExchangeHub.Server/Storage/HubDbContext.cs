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
    public DbSet<RecordVersionRow> RecordVersions => Set<RecordVersionRow>();
    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        FeedTable<ContributionLineRow>(modelBuilder, "contribution_lines");
        FeedTable<SettlementStatusRow>(modelBuilder, "settlement_statuses");
        FeedTable<UnitRow>(modelBuilder, "units");
        FeedTable<TransferRequestRow>(modelBuilder, "transfer_requests");

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
