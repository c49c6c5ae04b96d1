using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolicyCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "due_undetermined",
                table: "transfer_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "explanation",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "due_undetermined",
                table: "benefit_claims",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "due_undetermined",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "explanation",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "due_undetermined",
                table: "benefit_claims");
        }
    }
}
