using Microsoft.AspNetCore.Components;

namespace PricerWeb.Features.Accounts;

/// <summary>Redirects from the static sign-in pages, refusing anything but a local address (no open redirects).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public void RedirectTo(string? uri)
    {
        uri ??= "";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
            uri = navigation.ToBaseRelativePath(uri);
        navigation.NavigateTo(uri);
    }
}
