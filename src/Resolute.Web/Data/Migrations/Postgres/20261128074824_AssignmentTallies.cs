using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssignmentTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignment_tallies",
                columns: table => new
                {
                    LeadId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    N = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_tallies", x => new { x.LeadId, x.Period, x.Bucket });
                    table.ForeignKey(
                        name: "FK_assignment_tallies_organisations_LeadId",
                        column: x => x.LeadId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The tasks already there are counted once (the app keeps the tally from here on).
            migrationBuilder.Sql(@"
INSERT INTO assignment_tallies (""LeadId"", ""Bucket"", ""Period"", ""N"")
SELECT ""LeadId"", b, 0, COUNT(*) FROM (SELECT ""LeadId"", CASE WHEN ""State"" = 'Draft' THEN 1 WHEN ""State"" = 'Paused' THEN 7 WHEN ""State"" = 'Withdrawn' THEN 8
     WHEN ""CompletedOn"" IS NOT NULL THEN (CASE WHEN ""DeadlineInForce"" IS NOT NULL AND ""CompletedOn"" > ""DeadlineInForce"" THEN 5 ELSE 4 END)
     WHEN ""Recurrence"" <> 'None' THEN 6 ELSE 2 END AS b FROM assignments
    WHERE ""LeadId"" IS NOT NULL AND ""Secrecy"" = 'None') t GROUP BY ""LeadId"", b;
INSERT INTO assignment_tallies (""LeadId"", ""Bucket"", ""Period"", ""N"")
SELECT ""LeadId"", b, p, COUNT(*) FROM (SELECT ""LeadId"", CASE WHEN ""State"" = 'Draft' THEN 1 WHEN ""State"" = 'Paused' THEN 7 WHEN ""State"" = 'Withdrawn' THEN 8
     WHEN ""CompletedOn"" IS NOT NULL THEN (CASE WHEN ""DeadlineInForce"" IS NOT NULL AND ""CompletedOn"" > ""DeadlineInForce"" THEN 5 ELSE 4 END)
     WHEN ""Recurrence"" <> 'None' THEN 6 ELSE 2 END AS b, (EXTRACT(YEAR FROM ""CompletedOn"") * 100 + EXTRACT(MONTH FROM ""CompletedOn""))::integer AS p FROM assignments
    WHERE ""LeadId"" IS NOT NULL AND ""Secrecy"" = 'None' AND ""CompletedOn"" IS NOT NULL
      AND ""State"" NOT IN ('Draft', 'Paused', 'Withdrawn')) t GROUP BY ""LeadId"", b, p;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_tallies");
        }
    }
}
