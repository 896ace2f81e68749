namespace PricerWeb.Features.Import;

/// <summary>The import page's tabs, in order.</summary>
public enum ImportSourceKind
{
    Hub,
    Upload,
    ServerPath,
}
