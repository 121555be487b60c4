using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeadDueCoverOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments",
                columns: new[] { "LeadId", "State", "CompletedOn", "DueOn", "Recurrence", "Secrecy", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments",
                columns: new[] { "LeadId", "State", "DueOn", "CompletedOn", "Recurrence", "Secrecy" });
        }
    }
}
