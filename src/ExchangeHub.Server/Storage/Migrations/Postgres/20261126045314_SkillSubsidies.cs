using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SkillSubsidies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "skill_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resident_id = table.Column<string>(type: "text", nullable: false),
                    occupation_code = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    certificate_number = table.Column<string>(type: "text", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "date", nullable: false),
                    issuing_body_code = table.Column<string>(type: "text", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skill_subsidy_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_number = table.Column<string>(type: "text", nullable: false),
                    person_key = table.Column<string>(type: "text", nullable: false),
                    occupation_code = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    facts_sha256 = table.Column<string>(type: "text", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    supersedes_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_subsidy_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_clawbacks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_number = table.Column<string>(type: "text", nullable: false),
                    recovered_subsidy = table.Column<string>(type: "text", nullable: false),
                    recipient_kind = table.Column<string>(type: "text", nullable: false),
                    recipient_key = table.Column<string>(type: "text", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    skill_decision_id = table.Column<long>(type: "bigint", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_clawbacks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_subsidy_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_number = table.Column<string>(type: "text", nullable: false),
                    recipient_kind = table.Column<int>(type: "integer", nullable: false),
                    recipient_id = table.Column<string>(type: "text", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    paid_date = table.Column<DateOnly>(type: "date", nullable: false),
                    ledger_sequence = table.Column<long>(type: "bigint", nullable: true),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_subsidy_payments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_skill_certificates_agency_id_source_record_id",
                table: "skill_certificates",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_skill_certificates_certificate_number",
                table: "skill_certificates",
                column: "certificate_number");

            migrationBuilder.CreateIndex(
                name: "ix_skill_certificates_resident_id",
                table: "skill_certificates",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_skill_subsidy_decisions_certificate_number_is_current",
                table: "skill_subsidy_decisions",
                columns: new[] { "certificate_number", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_skill_subsidy_decisions_person_key_is_current",
                table: "skill_subsidy_decisions",
                columns: new[] { "person_key", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_clawbacks_certificate_number",
                table: "subsidy_clawbacks",
                column: "certificate_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_subsidy_payments_agency_id_source_record_id",
                table: "training_subsidy_payments",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_subsidy_payments_certificate_number",
                table: "training_subsidy_payments",
                column: "certificate_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "skill_certificates");

            migrationBuilder.DropTable(
                name: "skill_subsidy_decisions");

            migrationBuilder.DropTable(
                name: "subsidy_clawbacks");

            migrationBuilder.DropTable(
                name: "training_subsidy_payments");
        }
    }
}
