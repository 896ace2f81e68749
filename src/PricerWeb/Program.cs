using PricerWeb;
using PricerWeb.Components;
using PricerWeb.Features.Accounts;
using PricerWeb.Features.Compare;
using PricerWeb.Features.Runs;
using PricerWeb.Features.Guessing;
using PricerWeb.Features.FineTuning;
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

// Files before routing and sign-in: stylesheets and scripts are public, everything else needs a signed-in user.
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapCompareEndpoints();
app.MapRunsHub();
app.MapGuessingEndpoints();
app.MapFineTuningEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.InitializeDatabaseAsync();
app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
