using Pricer.Core.Lora;
using Pricer.Core.Models.Llama;
using PricerWeb.Features.Accounts;
using PricerWeb.Features.FineTuning.Serving;

namespace PricerWeb.Features.FineTuning;

/// <summary>Adapter downloads and adapter pricing for Members: the PEFT folder as a zip, the base with the adapter merged in, and a price for a text.</summary>
public static class FineTuningEndpoints
{
    public static IEndpointRouteBuilder MapFineTuningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var adapters = endpoints.MapGroup("/api/adapters/{base}/{name}").RequireAuthorization(PricerPolicies.Member);
        adapters.MapGet("/adapter.zip", ZipAsync);
        adapters.MapGet("/merged.safetensors", MergedAsync);
        endpoints.MapPost("/api/adapters/{base}/price", PriceAsync).RequireAuthorization(PricerPolicies.Member);
        return endpoints;
    }

    /// <summary>The download address of an adapter's zip.</summary>
    public static string ZipPath(AdapterSummary adapter) => $"api/adapters/{Uri.EscapeDataString(adapter.Base)}/{Uri.EscapeDataString(adapter.Name)}/adapter.zip";

    /// <summary>The download address of an adapter merged into its base.</summary>
    public static string MergedPath(AdapterSummary adapter) => $"api/adapters/{Uri.EscapeDataString(adapter.Base)}/{Uri.EscapeDataString(adapter.Name)}/merged.safetensors";

    /// <summary>The body of a price request: the product text, and the adapter to price with (null: the base's pricing adapter).</summary>
    public sealed record PriceRequest(string? Text, string? Adapter);

    private static async Task<IResult> ZipAsync(string @base, string name, AdapterCatalog catalog, FineTuningBases bases, CancellationToken cancellationToken) =>
        Find(catalog, bases, @base, name, out var folder) is { } refusal
            ? refusal
            : Results.File(await AdapterExports.ZipAsync(folder, cancellationToken), "application/zip", $"{name}.zip");

    private static async Task<IResult> MergedAsync(
        string @base, string name, AdapterCatalog catalog, FineTuningBases bases, AdapterExports exports, CancellationToken cancellationToken)
    {
        if (Find(catalog, bases, @base, name, out var folder) is { } refusal) return refusal;
        try
        {
            var path = await exports.MergedFileAsync(@base, name, folder, cancellationToken);
            return Results.File(path, "application/octet-stream", $"{name}-merged.safetensors");
        }
        catch (Exception e) when (e is LoraFormatException or LlamaFormatException)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message);
        }
    }

    private static async Task<IResult> PriceAsync(string @base, PriceRequest? request, AdapterServer server, CancellationToken cancellationToken)
    {
        try
        {
            var price = await server.PriceAsync(@base, request?.Adapter, request?.Text, cancellationToken);
            return Results.Ok(new { price = price.Price, adapter = price.Adapter, @base = price.Base, reply = price.Reply });
        }
        catch (ArgumentException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or LoraFormatException or LlamaFormatException)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: e.Message);
        }
    }

    private static IResult? Find(AdapterCatalog catalog, FineTuningBases bases, string baseKey, string name, out string folder)
    {
        folder = "";
        if (bases.Find(baseKey) is null)
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
