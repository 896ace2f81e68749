using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pricer.Data.Migrations
{
    /// <summary>
    /// Moves the full-text index out of the main file into the search file (see Datasets.SearchDatabase), which the
    /// initializer creates before migrating; SearchIndexer.ResumeAsync then indexes the existing data sets there.
    /// The names are qualified: unqualified, they would reach the search file's tables once these are gone.
    /// </summary>
    public partial class SearchIndexFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS main.ItemSearchTerms;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS main.ItemSearch;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE main.ItemSearch USING fts5(Title, Text, content='Items', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO main.ItemSearch(ItemSearch) VALUES('rebuild');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE main.ItemSearchTerms USING fts5vocab(ItemSearch, instance);");
        }
    }
}
