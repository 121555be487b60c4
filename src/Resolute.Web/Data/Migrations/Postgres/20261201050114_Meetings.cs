using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Forum = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: true),
                    Secrecy = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    State = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    NoticeDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    NoticeIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_documents_NoticeDocumentId",
                        column: x => x.NoticeDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meetings_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meetings_people_ChairId",
                        column: x => x.ChairId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProgrammeItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    PresentingUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaperDocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_agenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_documents_PaperDocumentId",
                        column: x => x.PaperDocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_organisations_PresentingUnitId",
                        column: x => x.PresentingUnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_programme_items_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "programme_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendance",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Presence = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendance", x => new { x.MeetingId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_meeting_attendance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_attendance_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_conclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    TaskIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_conclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_conclusions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_conclusions_organisations_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_MeetingId",
                table: "meeting_agenda",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_PaperDocumentId",
                table: "meeting_agenda",
                column: "PaperDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_PresentingUnitId",
                table: "meeting_agenda",
                column: "PresentingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_ProgrammeItemId",
                table: "meeting_agenda",
                column: "ProgrammeItemId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendance_PersonId",
                table: "meeting_attendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_conclusions_LeadUnitId",
                table: "meeting_conclusions",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_conclusions_MeetingId_Number",
                table: "meeting_conclusions",
                columns: new[] { "MeetingId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_ChairId",
                table: "meetings",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_NoticeDocumentId",
                table: "meetings",
                column: "NoticeDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_OrganisationId_StartsAt",
                table: "meetings",
                columns: new[] { "OrganisationId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_agenda");

            migrationBuilder.DropTable(
                name: "meeting_attendance");

            migrationBuilder.DropTable(
                name: "meeting_conclusions");

            migrationBuilder.DropTable(
                name: "meetings");
        }
    }
}
