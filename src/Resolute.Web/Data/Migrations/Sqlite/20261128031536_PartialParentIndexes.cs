using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialParentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_ParentId",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_ParentId",
                table: "assignments",
                column: "ParentId",
                filter: "\"ParentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments",
                column: "SourceDocumentId",
                filter: "\"SourceDocumentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_ParentId",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_ParentId",
                table: "assignments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments",
                column: "SourceDocumentId");
        }
    }
}
