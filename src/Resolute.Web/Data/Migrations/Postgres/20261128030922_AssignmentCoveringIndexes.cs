using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssignmentCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_CompletedOn",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_State_DueOn",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments",
                columns: new[] { "CompletedOn", "DeadlineInForce", "LeadId", "State", "Secrecy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_due_cover",
                table: "assignments",
                columns: new[] { "DueOn", "State", "CompletedOn", "Recurrence", "LeadId", "Secrecy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_status_cover",
                table: "assignments",
                columns: new[] { "LeadId", "State", "CompletedOn", "DeadlineInForce", "DueOn", "Recurrence", "Secrecy", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_due_cover",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_status_cover",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_CompletedOn",
                table: "assignments",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_State_DueOn",
                table: "assignments",
                columns: new[] { "State", "DueOn" });
        }
    }
}
