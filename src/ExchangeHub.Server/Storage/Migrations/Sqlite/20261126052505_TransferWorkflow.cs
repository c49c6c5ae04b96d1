using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    updated_at_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_cases", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_resident_id",
                table: "transfer_cases",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_transfer_id",
                table: "transfer_cases",
                column: "transfer_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_cases");
        }
    }
}
