using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxParkedSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_subject_key",
                table: "outbox_messages",
                column: "subject_key",
                filter: "sent_at_unix_ms IS NULL AND parked_at_unix_ms IS NOT NULL AND released_at_unix_ms IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_subject_key",
                table: "outbox_messages");
        }
    }
}
