using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Sqlite
{
    /// <summary>Full-text search of tasks: an FTS5 index over the folded title, content and expected result, kept by triggers (as the register, ADR-007).</summary>
    public partial class AssignmentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE assignments_fts USING fts5(
                    "SearchText", content='assignments', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER assignments_fts_insert AFTER INSERT ON assignments BEGIN
                    INSERT INTO assignments_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                CREATE TRIGGER assignments_fts_delete AFTER DELETE ON assignments BEGIN
                    INSERT INTO assignments_fts(assignments_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                END;
                CREATE TRIGGER assignments_fts_update AFTER UPDATE OF "SearchText" ON assignments BEGIN
                    INSERT INTO assignments_fts(assignments_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                    INSERT INTO assignments_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                INSERT INTO assignments_fts(assignments_fts) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS assignments_fts_update;
                DROP TRIGGER IF EXISTS assignments_fts_delete;
                DROP TRIGGER IF EXISTS assignments_fts_insert;
                DROP TABLE IF EXISTS assignments_fts;
                """);
        }
    }
}
