using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    transfer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "text", nullable: false),
                    person_key = table.Column<string>(type: "text", nullable: false),
                    resident_id = table.Column<string>(type: "text", nullable: false),
                    counterpart_province_code = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    reason_code = table.Column<string>(type: "text", nullable: true),
                    months_paid_here = table.Column<int>(type: "integer", nullable: false),
                    fund_amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    updated_at_unix_ms = table.Column<long>(type: "bigint", nullable: false)
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
