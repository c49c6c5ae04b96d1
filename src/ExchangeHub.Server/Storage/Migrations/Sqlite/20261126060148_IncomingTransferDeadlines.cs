using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncomingTransferDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_deadline_notices");
        }
    }
}
