using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search over the documents' folded text (no diacritics, đ→d, done by the app) with FTS5, kept in step
    /// by triggers. External content: the index stores no second copy of the text.
    /// </summary>
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE documents_fts USING fts5(
                    "SearchText", content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                    INSERT INTO documents_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                END;
                CREATE TRIGGER documents_fts_update AFTER UPDATE OF "SearchText" ON documents BEGIN
                    INSERT INTO documents_fts(documents_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                    INSERT INTO documents_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS documents_fts_update;
                DROP TRIGGER IF EXISTS documents_fts_delete;
                DROP TRIGGER IF EXISTS documents_fts_insert;
                DROP TABLE IF EXISTS documents_fts;
                """);
        }
    }
}
