using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionFollowups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_followups",
                columns: table => new
                {
                    programme = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    due_unix_ms = table.Column<long>(type: "bigint", nullable: false),
                    first_marked_unix_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_followups", x => new { x.programme, x.subject });
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_followups_programme_due_unix_ms",
                table: "decision_followups",
                columns: new[] { "programme", "due_unix_ms" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_followups");
        }
    }
}
