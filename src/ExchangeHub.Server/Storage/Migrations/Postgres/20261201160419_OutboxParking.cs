using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "parked_at_unix_ms",
                table: "outbox_messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "released_at_unix_ms",
                table: "outbox_messages",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "parked_at_unix_ms",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "released_at_unix_ms",
                table: "outbox_messages");
        }
    }
}
