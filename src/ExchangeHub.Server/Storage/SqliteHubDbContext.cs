using Microsoft.EntityFrameworkCore;

namespace ExchangeHub.Server.Storage;

/// <summary>The hub's schema on SQLite (migrations in <c>Storage/Migrations/Sqlite</c>).</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options);
