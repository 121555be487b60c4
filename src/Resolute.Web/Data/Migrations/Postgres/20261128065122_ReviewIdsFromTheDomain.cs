using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resolute.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewIdsFromTheDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
