using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benefit_claims",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    claim_id = table.Column<string>(type: "text", nullable: false),
                    person_key = table.Column<string>(type: "text", nullable: false),
                    resident_id = table.Column<string>(type: "text", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    channels = table.Column<string>(type: "text", nullable: false),
                    separation = table.Column<string>(type: "text", nullable: true),
                    registered_unemployed = table.Column<bool>(type: "boolean", nullable: true),
                    previous_first_benefit_month = table.Column<string>(type: "text", nullable: true),
                    previous_entitled_months = table.Column<int>(type: "integer", nullable: false),
                    previous_received_months = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    overdue_notified = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "benefit_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    claim_id = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    max_months = table.Column<int>(type: "integer", nullable: false),
                    carried_over_months = table.Column<int>(type: "integer", nullable: false),
                    consolidated_insured_months = table.Column<int>(type: "integer", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    facts_sha256 = table.Column<string>(type: "text", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    supersedes_id = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_decisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_claim_id",
                table: "benefit_claims",
                column: "claim_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_resident_id",
                table: "benefit_claims",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_status_overdue_notified",
                table: "benefit_claims",
                columns: new[] { "status", "overdue_notified" });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_decisions_claim_id_is_current",
                table: "benefit_decisions",
                columns: new[] { "claim_id", "is_current" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefit_claims");

            migrationBuilder.DropTable(
                name: "benefit_decisions");
        }
    }
}
