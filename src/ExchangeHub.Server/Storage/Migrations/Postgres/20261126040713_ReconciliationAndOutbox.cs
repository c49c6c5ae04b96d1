using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReconciliationAndOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<string>(type: "text", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    subject_key = table.Column<string>(type: "text", nullable: false),
                    correlation_id = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    sent_at_unix_ms = table.Column<long>(type: "bigint", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_exceptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    subject_key = table.Column<string>(type: "text", nullable: false),
                    period = table.Column<int>(type: "integer", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: false),
                    created_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_exceptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    program_year = table.Column<int>(type: "integer", nullable: false),
                    requested_by = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    started_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    completed_at_unix_ms = table.Column<long>(type: "bigint", nullable: true),
                    units = table.Column<int>(type: "integer", nullable: false),
                    decided = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    eligible = table.Column<int>(type: "integer", nullable: false),
                    ineligible = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<int>(type: "integer", nullable: false),
                    undetermined = table.Column<int>(type: "integer", nullable: false),
                    exceptions = table.Column<int>(type: "integer", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    error = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uscc = table.Column<string>(type: "text", nullable: false),
                    program_year = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    current_decision_id = table.Column<long>(type: "bigint", nullable: false),
                    offered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reminders_sent = table.Column<int>(type: "integer", nullable: false),
                    last_reminder_on = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_decision_id = table.Column<long>(type: "bigint", nullable: true),
                    approved_amount_fen = table.Column<long>(type: "bigint", nullable: true),
                    updated_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refund_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uscc = table.Column<string>(type: "text", nullable: false),
                    program_year = table.Column<int>(type: "integer", nullable: false),
                    run_id = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    rate = table.Column<string>(type: "text", nullable: false),
                    base_fen = table.Column<long>(type: "bigint", nullable: false),
                    size_class = table.Column<string>(type: "text", nullable: false),
                    size_class_source = table.Column<string>(type: "text", nullable: false),
                    division_code = table.Column<string>(type: "text", nullable: false),
                    labour_dispatch = table.Column<bool>(type: "boolean", nullable: false),
                    policy_id = table.Column<string>(type: "text", nullable: false),
                    policy_version = table.Column<string>(type: "text", nullable: false),
                    facts_sha256 = table.Column<string>(type: "text", nullable: false),
                    facts = table.Column<string>(type: "text", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    supersedes_id = table.Column<long>(type: "bigint", nullable: true),
                    supersede_reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refund_decisions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at_unix_ms_sequence",
                table: "outbox_messages",
                columns: new[] { "sent_at_unix_ms", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_exceptions_run_id_code",
                table: "reconciliation_exceptions",
                columns: new[] { "run_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_exceptions_subject_key",
                table: "reconciliation_exceptions",
                column: "subject_key");

            migrationBuilder.CreateIndex(
                name: "ix_refund_cases_state_program_year",
                table: "refund_cases",
                columns: new[] { "state", "program_year" });

            migrationBuilder.CreateIndex(
                name: "ix_refund_cases_uscc_program_year",
                table: "refund_cases",
                columns: new[] { "uscc", "program_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_refund_decisions_program_year_is_current_outcome_division_code",
                table: "refund_decisions",
                columns: new[] { "program_year", "is_current", "outcome", "division_code" });

            migrationBuilder.CreateIndex(
                name: "ix_refund_decisions_uscc_program_year_is_current",
                table: "refund_decisions",
                columns: new[] { "uscc", "program_year", "is_current" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "reconciliation_exceptions");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");

            migrationBuilder.DropTable(
                name: "refund_cases");

            migrationBuilder.DropTable(
                name: "refund_decisions");
        }
    }
}
