using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Preamble = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceProgrammeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Amendment = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_programmes_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_programmes_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_programmes_work_programmes_SourceProgrammeId",
                        column: x => x.SourceProgrammeId,
                        principalTable: "work_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programme_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Amendment = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FromMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    ToMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_changes_work_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "work_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ContentTypeId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PreparingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    CoordinatorIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    MemberInChargeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Forum = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DueMonth = table.Column<DateOnly>(type: "date", nullable: true),
                    DueMonthInForce = table.Column<DateOnly>(type: "date", nullable: true),
                    ByQuarter = table.Column<bool>(type: "boolean", nullable: false),
                    Secrecy = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Added = table.Column<bool>(type: "boolean", nullable: false),
                    WasPostponed = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StateDecision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_items_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_programme_items_document_types_ContentTypeId",
                        column: x => x.ContentTypeId,
                        principalTable: "document_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_items_documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_items_organisations_PreparingUnitId",
                        column: x => x.PreparingUnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_items_people_MemberInChargeId",
                        column: x => x.MemberInChargeId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_items_work_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "work_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_programme_changes_ProgrammeId_At",
                table: "programme_changes",
                columns: new[] { "ProgrammeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_AssignmentId",
                table: "programme_items",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_ContentTypeId",
                table: "programme_items",
                column: "ContentTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_MemberInChargeId",
                table: "programme_items",
                column: "MemberInChargeId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_PreparingUnitId",
                table: "programme_items",
                column: "PreparingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_ProgrammeId_Number",
                table: "programme_items",
                columns: new[] { "ProgrammeId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_programme_items_SourceDocumentId",
                table: "programme_items",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_work_programmes_DocumentId",
                table: "work_programmes",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_work_programmes_OrganisationId_FromYear",
                table: "work_programmes",
                columns: new[] { "OrganisationId", "FromYear" });

            migrationBuilder.CreateIndex(
                name: "IX_work_programmes_SourceProgrammeId",
                table: "work_programmes",
                column: "SourceProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_changes");

            migrationBuilder.DropTable(
                name: "programme_items");

            migrationBuilder.DropTable(
                name: "work_programmes");
        }
    }
}
