using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "request_ids",
                columns: table => new
                {
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    request_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    reply = table.Column<byte[]>(type: "BLOB", nullable: true),
                    created_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    replied_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_ids", x => new { x.agency_id, x.method, x.request_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_request_ids_created_at_unix_ms",
                table: "request_ids",
                column: "created_at_unix_ms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_ids");
        }
    }
}
