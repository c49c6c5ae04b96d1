using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RefundDatedActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "applied_on",
                table: "refund_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "confirmed_on",
                table: "refund_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "waived_on",
                table: "refund_cases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "applied_on",
                table: "refund_cases");

            migrationBuilder.DropColumn(
                name: "confirmed_on",
                table: "refund_cases");

            migrationBuilder.DropColumn(
                name: "waived_on",
                table: "refund_cases");
        }
    }
}
