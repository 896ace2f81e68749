using PricerWeb;
using PricerWeb.Components;
using PricerWeb.Features.Compare;
using PricerWeb.Features.Runs;
using PricerWeb.Hosting;

var contentRoot = ContentRoot.Resolve();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRoot,
    WebRootPath = Path.Combine(contentRoot, "wwwroot"),
});

builder.AddApplicationServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.UseStaticFiles();
app.MapStaticAssets();
app.MapCompareEndpoints();
app.MapRunsHub();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.InitializeDatabaseAsync();
app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
