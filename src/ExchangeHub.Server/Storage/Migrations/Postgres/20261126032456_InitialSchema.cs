using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
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
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at = table.Column<string>(type: "text", nullable: false),
                    agency_id = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    batches = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    duplicate = table.Column<long>(type: "bigint", nullable: false),
                    corrected = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    payload_sha256 = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "contribution_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uscc = table.Column<string>(type: "text", nullable: false),
                    resident_id = table.Column<string>(type: "text", nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    employer_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    employee_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    wage_base_fen = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    received_date = table.Column<DateOnly>(type: "date", nullable: false),
                    tax_office_code = table.Column<string>(type: "text", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contribution_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_table = table.Column<string>(type: "text", nullable: false),
                    record_id = table.Column<long>(type: "bigint", nullable: false),
                    agency_id = table.Column<string>(type: "text", nullable: false),
                    source_record_id = table.Column<string>(type: "text", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    applies_from = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    superseded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settlement_statuses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uscc = table.Column<string>(type: "text", nullable: false),
                    period = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_date = table.Column<DateOnly>(type: "date", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlement_statuses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resident_id = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    counterpart_province_code = table.Column<string>(type: "text", nullable: false),
                    insured_periods = table.Column<string>(type: "text", nullable: false),
                    benefit_months_paid = table.Column<int>(type: "integer", nullable: false),
                    consolidation_place = table.Column<int>(type: "integer", nullable: false),
                    requested_date = table.Column<DateOnly>(type: "date", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uscc = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    organisation_type = table.Column<int>(type: "integer", nullable: false),
                    registration_status = table.Column<int>(type: "integer", nullable: false),
                    registered_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status_date = table.Column<DateOnly>(type: "date", nullable: true),
                    industry_code = table.Column<string>(type: "text", nullable: false),
                    size_class = table.Column<int>(type: "integer", nullable: false),
                    size_class_source = table.Column<int>(type: "integer", nullable: false),
                    employees = table.Column<long>(type: "bigint", nullable: true),
                    revenue_fen = table.Column<long>(type: "bigint", nullable: true),
                    total_assets_fen = table.Column<long>(type: "bigint", nullable: true),
                    labour_dispatch = table.Column<bool>(type: "boolean", nullable: false),
                    division_code = table.Column<string>(type: "text", nullable: false),
                    agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_record_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contribution_lines_agency_id_source_record_id",
                table: "contribution_lines",
                columns: new[] { "agency_id", "source_record_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_record_versions_record_table_record_id",
                table: "record_versions",
                columns: new[] { "record_table", "record_id" });

            migrationBuilder.CreateIndex(
                name: "ix_settlement_statuses_agency_id_source_record_id",
                table: "settlement_statuses",
                columns: new[] { "agency_id", "source_record_id" },
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
                name: "contribution_lines");

            migrationBuilder.DropTable(
                name: "record_versions");

            migrationBuilder.DropTable(
                name: "settlement_statuses");

            migrationBuilder.DropTable(
                name: "transfer_requests");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
