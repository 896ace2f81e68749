using Pricer.Core.Lora;
using PricerWeb.Features.Accounts;

namespace PricerWeb.Features.FineTuning;

/// <summary>Adapter downloads for Members: the PEFT folder as a zip, and the base with the adapter merged in.</summary>
public static class FineTuningEndpoints
{
    public static IEndpointRouteBuilder MapFineTuningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var adapters = endpoints.MapGroup("/api/adapters/{base}/{name}").RequireAuthorization(PricerPolicies.Member);
        adapters.MapGet("/adapter.zip", ZipAsync);
        adapters.MapGet("/merged.safetensors", MergedAsync);
        return endpoints;
    }

    /// <summary>The download address of an adapter's zip.</summary>
    public static string ZipPath(AdapterSummary adapter) => $"api/adapters/{Uri.EscapeDataString(adapter.Base)}/{Uri.EscapeDataString(adapter.Name)}/adapter.zip";

    /// <summary>The download address of an adapter merged into its base.</summary>
    public static string MergedPath(AdapterSummary adapter) => $"api/adapters/{Uri.EscapeDataString(adapter.Base)}/{Uri.EscapeDataString(adapter.Name)}/merged.safetensors";

    private static async Task<IResult> ZipAsync(string @base, string name, AdapterCatalog catalog, CancellationToken cancellationToken) =>
        Find(catalog, @base, name, out var folder) is { } refusal
            ? refusal
            : Results.File(await AdapterExports.ZipAsync(folder, cancellationToken), "application/zip", $"{name}.zip");

    private static async Task<IResult> MergedAsync(string @base, string name, AdapterCatalog catalog, AdapterExports exports, CancellationToken cancellationToken)
    {
        if (Find(catalog, @base, name, out var folder) is { } refusal) return refusal;
        try
        {
            var path = await exports.MergedFileAsync(@base, name, folder, cancellationToken);
            return Results.File(path, "application/octet-stream", $"{name}-merged.safetensors");
        }
        catch (LoraFormatException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message);
        }
    }

    private static IResult? Find(AdapterCatalog catalog, string baseKey, string name, out string folder)
    {
        folder = "";
        if (FineTuningBase.Find(baseKey) is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no base model '{baseKey}'.");
        if (!AdapterCatalog.IsValidName(name))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: "An adapter name has only letters, digits, '.', '_' and '-', and no '..'.");
        if (catalog.Folder(baseKey, name) is not { } found)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no adapter '{name}' for {baseKey}.");
        folder = found;
        return null;
    }
}
