using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search with unaccent. unaccent() is STABLE and cannot stand in an index, so it is wrapped in an
    /// IMMUTABLE function that names its dictionary; punctuation becomes space so "15-NQ/TW" indexes as 15, nq, tw.
    /// Creating the extension needs a superuser (or a database owner on PostgreSQL 13+ with trusted extensions).
    /// </summary>
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "documents",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1200)",
                oldMaxLength: 1200);
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
                CREATE OR REPLACE FUNCTION resolute_fold(value text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g') $$;
                CREATE INDEX ix_documents_fulltext ON documents USING GIN (
                    to_tsvector('simple', resolute_fold(coalesce("Symbol", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("FullText", ''))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_documents_fulltext;
                DROP FUNCTION IF EXISTS resolute_fold(text);
                """);
            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "documents",
                type: "character varying(1200)",
                maxLength: 1200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
