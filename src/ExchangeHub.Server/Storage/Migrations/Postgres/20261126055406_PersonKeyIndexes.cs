using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_transfer_cases_person_key",
                table: "transfer_cases",
                column: "person_key");

            migrationBuilder.CreateIndex(
                name: "ix_benefit_claims_person_key",
                table: "benefit_claims",
                column: "person_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_transfer_cases_person_key",
                table: "transfer_cases");

            migrationBuilder.DropIndex(
                name: "ix_benefit_claims_person_key",
                table: "benefit_claims");
        }
    }
}
