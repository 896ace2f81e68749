using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Pricer.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PricerDbContext>
{
    public PricerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PricerDbContext>().UseSqlite("Data Source=design-time.db");
        return new PricerDbContext(options.Options);
    }
}
