using ExchangeHub.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace ExchangeHub.Server.Tests.Schema;

/// <summary>
/// At least one migration per provider (issue 10 squashed them to one; branches add theirs until the merge squashes again), and each provider's migrations build exactly
/// the model the code declares: a schema change without its migration fails here, not at a user's first start.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_OneMigrationMatchingTheModel()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "the SQLite model differs from its migrations: add a migration (README, configuration reference)");
    }

    [Fact]
    public void Postgres_OneMigrationMatchingTheModel()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "the PostgreSQL model differs from its migrations: add a migration (README, configuration reference)");
    }
}
