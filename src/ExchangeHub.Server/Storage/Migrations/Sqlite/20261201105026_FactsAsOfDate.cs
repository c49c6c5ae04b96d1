using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExchangeHub.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FactsAsOfDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "facts_json",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "policy_version",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_date",
                table: "transfer_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "facts_json",
                table: "skill_subsidy_decisions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "knowledge_time_unix_ms",
                table: "skill_subsidy_decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decision_date",
                table: "refund_decisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "knowledge_time_unix_ms",
                table: "refund_decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decision_date",
                table: "benefit_decisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "facts_json",
                table: "benefit_decisions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "knowledge_time_unix_ms",
                table: "benefit_decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "facts_json",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "policy_version",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "status_date",
                table: "transfer_cases");

            migrationBuilder.DropColumn(
                name: "facts_json",
                table: "skill_subsidy_decisions");

            migrationBuilder.DropColumn(
                name: "knowledge_time_unix_ms",
                table: "skill_subsidy_decisions");

            migrationBuilder.DropColumn(
                name: "decision_date",
                table: "refund_decisions");

            migrationBuilder.DropColumn(
                name: "knowledge_time_unix_ms",
                table: "refund_decisions");

            migrationBuilder.DropColumn(
                name: "decision_date",
                table: "benefit_decisions");

            migrationBuilder.DropColumn(
                name: "facts_json",
                table: "benefit_decisions");

            migrationBuilder.DropColumn(
                name: "knowledge_time_unix_ms",
                table: "benefit_decisions");
        }
    }
}
