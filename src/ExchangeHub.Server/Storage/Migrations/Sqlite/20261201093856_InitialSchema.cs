using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<string>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    batches = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicate = table.Column<long>(type: "INTEGER", nullable: false),
                    corrected = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    payload_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "benefit_claims",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    claim_id = table.Column<string>(type: "TEXT", nullable: false),
                    person_key = table.Column<string>(type: "TEXT", nullable: false),
                    resident_id = table.Column<string>(type: "TEXT", nullable: false),
                    applied_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    channels = table.Column<string>(type: "TEXT", nullable: false),
                    separation = table.Column<string>(type: "TEXT", nullable: true),
                    registered_unemployed = table.Column<bool>(type: "INTEGER", nullable: true),
                    previous_first_benefit_month = table.Column<string>(type: "TEXT", nullable: true),
                    previous_entitled_months = table.Column<int>(type: "INTEGER", nullable: false),
                    previous_received_months = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    overdue_notified = table.Column<bool>(type: "INTEGER", nullable: false),
                    submitted_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "benefit_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    claim_id = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    max_months = table.Column<int>(type: "INTEGER", nullable: false),
                    carried_over_months = table.Column<int>(type: "INTEGER", nullable: false),
                    consolidated_insured_months = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", nullable: false),
                    facts_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    supersedes_id = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benefit_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contribution_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uscc = table.Column<string>(type: "TEXT", nullable: false),
                    resident_id = table.Column<string>(type: "TEXT", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    employer_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    employee_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    wage_base_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    received_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tax_office_code = table.Column<string>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contribution_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<string>(type: "TEXT", nullable: false),
                    message_type = table.Column<string>(type: "TEXT", nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_exceptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_exceptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    program_year = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    started_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    units = table.Column<int>(type: "INTEGER", nullable: false),
                    decided = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    ineligible = table.Column<int>(type: "INTEGER", nullable: false),
                    held = table.Column<int>(type: "INTEGER", nullable: false),
                    undetermined = table.Column<int>(type: "INTEGER", nullable: false),
                    exceptions = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_table = table.Column<string>(type: "TEXT", nullable: false),
                    record_id = table.Column<long>(type: "INTEGER", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    applies_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    superseded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uscc = table.Column<string>(type: "TEXT", nullable: false),
                    program_year = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    current_decision_id = table.Column<long>(type: "INTEGER", nullable: false),
                    offered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reminders_sent = table.Column<int>(type: "INTEGER", nullable: false),
                    last_reminder_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    approved_decision_id = table.Column<long>(type: "INTEGER", nullable: true),
                    approved_amount_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refund_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "refund_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uscc = table.Column<string>(type: "TEXT", nullable: false),
                    program_year = table.Column<int>(type: "INTEGER", nullable: false),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    rate = table.Column<string>(type: "TEXT", nullable: false),
                    base_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    size_class = table.Column<string>(type: "TEXT", nullable: false),
                    size_class_source = table.Column<string>(type: "TEXT", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", nullable: false),
                    labour_dispatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", nullable: false),
                    facts_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    facts = table.Column<string>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    supersedes_id = table.Column<long>(type: "INTEGER", nullable: true),
                    supersede_reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refund_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settlement_statuses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uscc = table.Column<string>(type: "TEXT", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    status_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlement_statuses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skill_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resident_id = table.Column<string>(type: "TEXT", nullable: false),
                    occupation_code = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issuing_body_code = table.Column<string>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "skill_subsidy_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_number = table.Column<string>(type: "TEXT", nullable: false),
                    person_key = table.Column<string>(type: "TEXT", nullable: false),
                    occupation_code = table.Column<string>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    policy_id = table.Column<string>(type: "TEXT", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", nullable: false),
                    facts_sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    is_current = table.Column<bool>(type: "INTEGER", nullable: false),
                    supersedes_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_subsidy_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_clawbacks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_number = table.Column<string>(type: "TEXT", nullable: false),
                    recovered_subsidy = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_kind = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_key = table.Column<string>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    skill_decision_id = table.Column<long>(type: "INTEGER", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_clawbacks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "training_subsidy_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_number = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    recipient_id = table.Column<string>(type: "TEXT", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ledger_sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_subsidy_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    transfer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "TEXT", nullable: false),
                    person_key = table.Column<string>(type: "TEXT", nullable: false),
                    resident_id = table.Column<string>(type: "TEXT", nullable: false),
                    counterpart_province_code = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", nullable: true),
                    months_paid_here = table.Column<int>(type: "INTEGER", nullable: false),
                    fund_amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deadline_notified = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_deadline_notices",
                columns: table => new
                {
                    transfer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notified_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_deadline_notices", x => x.transfer_id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    resident_id = table.Column<string>(type: "TEXT", nullable: false),
                    direction = table.Column<int>(type: "INTEGER", nullable: false),
                    counterpart_province_code = table.Column<string>(type: "TEXT", nullable: false),
                    insured_periods = table.Column<string>(type: "TEXT", nullable: false),
                    benefit_months_paid = table.Column<int>(type: "INTEGER", nullable: false),
                    consolidation_place = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uscc = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_type = table.Column<int>(type: "INTEGER", nullable: false),
                    registration_status = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    industry_code = table.Column<string>(type: "TEXT", nullable: false),
                    size_class = table.Column<int>(type: "INTEGER", nullable: false),
                    size_class_source = table.Column<int>(type: "INTEGER", nullable: false),
                    employees = table.Column<long>(type: "INTEGER", nullable: true),
                    revenue_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    total_assets_fen = table.Column<long>(type: "INTEGER", nullable: true),
                    labour_dispatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    division_code = table.Column<string>(type: "TEXT", nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_claim_id",
                table: "benefit_claims",
                column: "claim_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_person_key",
                table: "benefit_claims",
                column: "person_key");

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

            migrationBuilder.CreateIndex(
                name: "ix_contribution_lines_agency_id_source_record_id",
                table: "contribution_lines",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

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
                name: "ix_record_versions_record_table_record_id",
                table: "record_versions",
                columns: new[] { "record_table", "record_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_settlement_statuses_agency_id_source_record_id",
                table: "settlement_statuses",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_person_key",
                table: "transfer_cases",
                column: "person_key");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_resident_id",
                table: "transfer_cases",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_status_deadline_notified",
                table: "transfer_cases",
                columns: new[] { "status", "deadline_notified" });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_transfer_id",
                table: "transfer_cases",
                column: "transfer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_requests_agency_id_source_record_id",
                table: "transfer_requests",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_agency_id_source_record_id",
                table: "units",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "benefit_claims");

            migrationBuilder.DropTable(
                name: "benefit_decisions");

            migrationBuilder.DropTable(
                name: "contribution_lines");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "reconciliation_exceptions");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");

            migrationBuilder.DropTable(
                name: "record_versions");

            migrationBuilder.DropTable(
                name: "refund_cases");

            migrationBuilder.DropTable(
                name: "refund_decisions");

            migrationBuilder.DropTable(
                name: "settlement_statuses");

            migrationBuilder.DropTable(
                name: "skill_certificates");

            migrationBuilder.DropTable(
                name: "skill_subsidy_decisions");

            migrationBuilder.DropTable(
                name: "subsidy_clawbacks");

            migrationBuilder.DropTable(
                name: "training_subsidy_payments");

            migrationBuilder.DropTable(
                name: "transfer_cases");

            migrationBuilder.DropTable(
                name: "transfer_deadline_notices");

            migrationBuilder.DropTable(
                name: "transfer_requests");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
