using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pricer.Data.Migrations
{
    /// <summary>
    /// Creates the search vocabulary where an early copy of BrowserIndexes, applied before it gained the table, left
    /// it out; elsewhere this does nothing.
    /// </summary>
    public partial class SearchTermsVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS ItemSearchTerms USING fts5vocab(ItemSearch, instance);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // BrowserIndexes owns the table and drops it on its own way down.
        }
    }
}
