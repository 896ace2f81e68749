using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pricer.Data.Migrations
{
    /// <inheritdoc />
    public partial class BrowserIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_DatasetId_Split_Category_Price",
                table: "Items",
                columns: new[] { "DatasetId", "Split", "Category", "Price" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_DatasetId_Split_Position_Category_Price",
                table: "Items",
                columns: new[] { "DatasetId", "Split", "Position", "Category", "Price" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_DatasetId_Split_Price",
                table: "Items",
                columns: new[] { "DatasetId", "Split", "Price" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Search",
                table: "Items",
                columns: new[] { "DatasetId", "Id", "Split", "Position", "Category", "Price" });

            // The search index's vocabulary, so that a search can tell a finished word from one still being typed.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ItemSearchTerms USING fts5vocab(ItemSearch, instance);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ItemSearchTerms;");

            migrationBuilder.DropIndex(
                name: "IX_Items_DatasetId_Split_Category_Price",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_DatasetId_Split_Position_Category_Price",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_DatasetId_Split_Price",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Search",
                table: "Items");
        }
    }
}
