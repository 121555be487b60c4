using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(9502)", maxLength: 9502, nullable: false),
                    SourceDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceClause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SourceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AssignerId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadLeaderId = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpId = table.Column<Guid>(type: "uuid", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineInForce = table.Column<DateOnly>(type: "date", nullable: true),
                    Recurrence = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    NextReportDue = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Output = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Secrecy = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    LateDeadlineApproved = table.Column<bool>(type: "boolean", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignments_assignments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_organisations_AssignerId",
                        column: x => x.AssignerId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_organisations_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_organisations_LeadId",
                        column: x => x.LeadId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_people_LeadLeaderId",
                        column: x => x.LeadLeaderId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_coordinators",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_coordinators", x => new { x.AssignmentId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_assignment_coordinators_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assignment_coordinators_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_extensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    NewDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Decision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_extensions_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Actual = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_indicators_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_milestones_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_need_to_know",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_need_to_know", x => new { x.AssignmentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_assignment_need_to_know_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assignment_need_to_know_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    ProposesCompletion = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReportedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CycleDue = table.Column<DateOnly>(type: "date", nullable: true),
                    Review = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_progress_reports_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminder_claims",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_claims", x => new { x.AssignmentId, x.Kind, x.DueOn });
                    table.ForeignKey(
                        name: "FK_reminder_claims_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_actuals",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_actuals", x => new { x.ReportId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_indicator_actuals_assignment_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "assignment_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_actuals_progress_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "progress_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progress_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_progress_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_progress_evidence_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_progress_evidence_progress_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "progress_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_coordinators_OrganisationId",
                table: "assignment_coordinators",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_extensions_AssignmentId",
                table: "assignment_extensions",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_indicators_AssignmentId",
                table: "assignment_indicators",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_milestones_AssignmentId",
                table: "assignment_milestones",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_need_to_know_UserId",
                table: "assignment_need_to_know",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_AssignerId_State",
                table: "assignments",
                columns: new[] { "AssignerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_CompletedOn",
                table: "assignments",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_FollowUpId",
                table: "assignments",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadId_State_DueOn",
                table: "assignments",
                columns: new[] { "LeadId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadLeaderId",
                table: "assignments",
                column: "LeadLeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_ParentId",
                table: "assignments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_Secrecy",
                table: "assignments",
                column: "Secrecy");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_SourceDocumentId",
                table: "assignments",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_State_DueOn",
                table: "assignments",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_actuals_IndicatorId",
                table: "indicator_actuals",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_EmailState",
                table: "notifications",
                column: "EmailState");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_UserId_ReadAt",
                table: "notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_progress_evidence_AssignmentId",
                table: "progress_evidence",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_progress_evidence_ReportId",
                table: "progress_evidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_progress_reports_AssignmentId_ReportedAt",
                table: "progress_reports",
                columns: new[] { "AssignmentId", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_coordinators");

            migrationBuilder.DropTable(
                name: "assignment_extensions");

            migrationBuilder.DropTable(
                name: "assignment_milestones");

            migrationBuilder.DropTable(
                name: "assignment_need_to_know");

            migrationBuilder.DropTable(
                name: "indicator_actuals");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "progress_evidence");

            migrationBuilder.DropTable(
                name: "reminder_claims");

            migrationBuilder.DropTable(
                name: "assignment_indicators");

            migrationBuilder.DropTable(
                name: "progress_reports");

            migrationBuilder.DropTable(
                name: "assignments");
        }
    }
}
