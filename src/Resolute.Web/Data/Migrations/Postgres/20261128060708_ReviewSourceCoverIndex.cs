using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewSourceCoverIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_source_cover",
                table: "assignments",
                columns: new[] { "SourceDocumentId", "LeadId", "State", "CompletedOn", "DeadlineInForce", "DueOn", "Recurrence", "Secrecy", "Id" },
                filter: "\"SourceDocumentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_source_cover",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments",
                column: "SourceDocumentId",
                filter: "\"SourceDocumentId\" IS NOT NULL");
        }
    }
}
