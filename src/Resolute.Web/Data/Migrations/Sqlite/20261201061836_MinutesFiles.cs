using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MinutesFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_stored_files_one_owner",
                table: "stored_files");

            migrationBuilder.AddColumn<Guid>(
                name: "MeetingId",
                table: "stored_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_stored_files_MeetingId",
                table: "stored_files",
                column: "MeetingId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_stored_files_one_owner",
                table: "stored_files",
                sql: "(CASE WHEN \"DocumentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProgressReportId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"UnitReportId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"MeetingId\" IS NULL THEN 0 ELSE 1 END) = 1");

            migrationBuilder.AddForeignKey(
                name: "FK_stored_files_meetings_MeetingId",
                table: "stored_files",
                column: "MeetingId",
                principalTable: "meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_stored_files_meetings_MeetingId",
                table: "stored_files");

            migrationBuilder.DropIndex(
                name: "IX_stored_files_MeetingId",
                table: "stored_files");

            migrationBuilder.DropCheckConstraint(
                name: "CK_stored_files_one_owner",
                table: "stored_files");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "stored_files");

            migrationBuilder.AddCheckConstraint(
                name: "CK_stored_files_one_owner",
                table: "stored_files",
                sql: "(CASE WHEN \"DocumentId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ProgressReportId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"UnitReportId\" IS NULL THEN 0 ELSE 1 END) = 1");
        }
    }
}
