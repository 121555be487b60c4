using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubjectDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    DecisionDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegations_documents_DecisionDocumentId",
                        column: x => x.DecisionDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegations_documents_SubjectDocumentId",
                        column: x => x.SubjectDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegations_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_conclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_conclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegation_conclusions_delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_delegation_conclusions_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegation_conclusions_organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_members",
                columns: table => new
                {
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_members", x => new { x.DelegationId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_delegation_members_delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_delegation_members_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PaperDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegation_sessions_delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_delegation_sessions_documents_PaperDocumentId",
                        column: x => x.PaperDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegation_sessions_organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportAssignmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegation_visits_assignments_ReportAssignmentId",
                        column: x => x.ReportAssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegation_visits_delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_delegation_visits_organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegation_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegation_findings_delegation_conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "delegation_conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "delegation_recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegation_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delegation_recommendations_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_delegation_recommendations_delegation_conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "delegation_conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_delegation_conclusions_DelegationId_UnitId",
                table: "delegation_conclusions",
                columns: new[] { "DelegationId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delegation_conclusions_DocumentId",
                table: "delegation_conclusions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_conclusions_UnitId",
                table: "delegation_conclusions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_findings_ConclusionId",
                table: "delegation_findings",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_members_PersonId",
                table: "delegation_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_recommendations_AssignmentId",
                table: "delegation_recommendations",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_recommendations_ConclusionId",
                table: "delegation_recommendations",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_sessions_DelegationId",
                table: "delegation_sessions",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_sessions_PaperDocumentId",
                table: "delegation_sessions",
                column: "PaperDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_sessions_UnitId",
                table: "delegation_sessions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_visits_DelegationId_UnitId",
                table: "delegation_visits",
                columns: new[] { "DelegationId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delegation_visits_ReportAssignmentId",
                table: "delegation_visits",
                column: "ReportAssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_delegation_visits_UnitId",
                table: "delegation_visits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_delegations_DecisionDocumentId",
                table: "delegations",
                column: "DecisionDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_delegations_OrganisationId_StartsOn",
                table: "delegations",
                columns: new[] { "OrganisationId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_delegations_SubjectDocumentId",
                table: "delegations",
                column: "SubjectDocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delegation_findings");

            migrationBuilder.DropTable(
                name: "delegation_members");

            migrationBuilder.DropTable(
                name: "delegation_recommendations");

            migrationBuilder.DropTable(
                name: "delegation_sessions");

            migrationBuilder.DropTable(
                name: "delegation_visits");

            migrationBuilder.DropTable(
                name: "delegation_conclusions");

            migrationBuilder.DropTable(
                name: "delegations");
        }
    }
}
