using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    System = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Abbreviation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    System = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Symbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TermId = table.Column<Guid>(type: "uuid", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Secrecy = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Status = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    FullText = table.Column<string>(type: "text", nullable: true),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdentityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_document_types_TypeId",
                        column: x => x.TypeId,
                        principalTable: "document_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_documents_organisations_IssuerId",
                        column: x => x.IssuerId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_documents_terms_TermId",
                        column: x => x.TermId,
                        principalTable: "terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_relations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_relations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_relations_documents_FromId",
                        column: x => x.FromId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_document_relations_documents_ToId",
                        column: x => x.ToId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "need_to_know",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_need_to_know", x => new { x.DocumentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_need_to_know_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_need_to_know_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_document_relations_FromId_ToId_Kind",
                table: "document_relations",
                columns: new[] { "FromId", "ToId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_relations_ToId",
                table: "document_relations",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_document_types_System_Abbreviation_Name",
                table: "document_types",
                columns: new[] { "System", "Abbreviation", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_IdentityKey",
                table: "documents",
                column: "IdentityKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_IssuerId_IssuedOn",
                table: "documents",
                columns: new[] { "IssuerId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_Symbol",
                table: "documents",
                column: "Symbol");

            migrationBuilder.CreateIndex(
                name: "IX_documents_TermId",
                table: "documents",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_TypeId",
                table: "documents",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_need_to_know_UserId",
                table: "need_to_know",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_relations");

            migrationBuilder.DropTable(
                name: "need_to_know");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "document_types");
        }
    }
}
