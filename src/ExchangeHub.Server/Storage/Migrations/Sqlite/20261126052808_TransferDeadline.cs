using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "deadline_notified",
                table: "transfer_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                table: "transfer_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "requested_on",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_status_deadline_notified",
                table: "transfer_cases",
                columns: new[] { "status", "deadline_notified" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_transfer_cases_status_deadline_notified",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "deadline_notified",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "due_on",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "requested_on",
                table: "transfer_cases");
        }
    }
}
