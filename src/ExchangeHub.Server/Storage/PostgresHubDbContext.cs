using Microsoft.EntityFrameworkCore;

namespace ExchangeHub.Server.Storage;

/// <summary>The hub's schema on PostgreSQL (migrations in <c>Storage/Migrations/Postgres</c>).</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options);
