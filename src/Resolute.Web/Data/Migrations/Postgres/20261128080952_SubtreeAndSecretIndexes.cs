using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubtreeAndSecretIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadId_State_DueOn",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_Secrecy",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments",
                columns: new[] { "CompletedOn", "DeadlineInForce", "LeadId", "State", "Secrecy", "Id" },
                filter: "\"CompletedOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments",
                columns: new[] { "LeadId", "State", "DueOn", "CompletedOn", "Recurrence", "Secrecy" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_Secrecy",
                table: "assignments",
                column: "Secrecy",
                filter: "\"Secrecy\" <> 'None'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_lead_due_cover",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_Secrecy",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_completion_cover",
                table: "assignments",
                columns: new[] { "CompletedOn", "DeadlineInForce", "LeadId", "State", "Secrecy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadId_State_DueOn",
                table: "assignments",
                columns: new[] { "LeadId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_Secrecy",
                table: "assignments",
                column: "Secrecy");
        }
    }
}
