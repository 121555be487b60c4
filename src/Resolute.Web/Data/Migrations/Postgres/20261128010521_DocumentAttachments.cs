using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentText",
                table: "documents",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attachments_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachments_DocumentId",
                table: "attachments",
                column: "DocumentId");

            // The full-text index now covers the attachments' text too.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_documents_fulltext;
                CREATE INDEX ix_documents_fulltext ON documents USING GIN (
                    to_tsvector('simple', resolute_fold(coalesce("Symbol", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("FullText", '') || ' ' || coalesce("AttachmentText", ''))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_documents_fulltext;
                CREATE INDEX ix_documents_fulltext ON documents USING GIN (
                    to_tsvector('simple', resolute_fold(coalesce("Symbol", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("FullText", ''))));
                """);

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropColumn(
                name: "AttachmentText",
                table: "documents");
        }
    }
}
