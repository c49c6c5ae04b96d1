using System;
using ExchangeHub.Server.Storage;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatusHistoryAndPolicyCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "due_undetermined",
                table: "transfer_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "explanation",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "due_undetermined",
                table: "benefit_claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "transfer_case_statuses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    transfer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    reason_code = table.Column<string>(type: "TEXT", nullable: true),
                    status_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_case_statuses", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_case_statuses_transfer_id",
                table: "transfer_case_statuses",
                column: "transfer_id");

            // Every case that existed before the history: its current status as its first history row (Storage/TransferCaseStatusRow).
            migrationBuilder.Sql(TransferCaseStatusRow.CopyCurrentStatusesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_case_statuses");

            migrationBuilder.DropColumn(
                name: "due_undetermined",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "explanation",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "due_undetermined",
                table: "benefit_claims");
        }
    }
}
