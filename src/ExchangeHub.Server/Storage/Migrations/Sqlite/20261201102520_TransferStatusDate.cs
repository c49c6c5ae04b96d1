using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferStatusDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "status_date",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status_date",
                table: "transfer_cases");
        }
    }
}
