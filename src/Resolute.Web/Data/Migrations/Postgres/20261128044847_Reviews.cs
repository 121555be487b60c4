using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outline_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Outline = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outline_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outline_templates_organisations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SubjectDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Outline = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportDocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_campaigns_documents_ReportDocumentId",
                        column: x => x.ReportDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_campaigns_documents_SubjectDocumentId",
                        column: x => x.SubjectDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_campaigns_organisations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_review_campaigns_review_campaigns_ParentId",
                        column: x => x.ParentId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_figure_overrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_figure_overrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_figure_overrides_review_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceItemIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_items_review_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProgressReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CascadeId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_reports_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_unit_reports_organisations_UnitId",
                        column: x => x.UnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_reports_review_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_report_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_report_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_report_attachments_unit_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "unit_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_report_figures",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_report_figures", x => new { x.ReportId, x.Key });
                    table.ForeignKey(
                        name: "FK_unit_report_figures_unit_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "unit_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_report_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_report_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_report_items_unit_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "unit_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outline_templates_OwnerId",
                table: "outline_templates",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_review_campaigns_OwnerId",
                table: "review_campaigns",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_review_campaigns_ParentId",
                table: "review_campaigns",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_review_campaigns_ReportDocumentId",
                table: "review_campaigns",
                column: "ReportDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_review_campaigns_SubjectDocumentId",
                table: "review_campaigns",
                column: "SubjectDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_review_figure_overrides_CampaignId",
                table: "review_figure_overrides",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_review_items_CampaignId_SectionKey_Order",
                table: "review_items",
                columns: new[] { "CampaignId", "SectionKey", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_report_attachments_ReportId",
                table: "unit_report_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_report_items_ReportId_SectionKey_Order",
                table: "unit_report_items",
                columns: new[] { "ReportId", "SectionKey", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_unit_reports_AssignmentId",
                table: "unit_reports",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_reports_CampaignId_UnitId",
                table: "unit_reports",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unit_reports_UnitId",
                table: "unit_reports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outline_templates");

            migrationBuilder.DropTable(
                name: "review_figure_overrides");

            migrationBuilder.DropTable(
                name: "review_items");

            migrationBuilder.DropTable(
                name: "unit_report_attachments");

            migrationBuilder.DropTable(
                name: "unit_report_figures");

            migrationBuilder.DropTable(
                name: "unit_report_items");

            migrationBuilder.DropTable(
                name: "unit_reports");

            migrationBuilder.DropTable(
                name: "review_campaigns");
        }
    }
}
