using Pricer.Data;

namespace PricerWeb.Features.Settings;

/// <summary>The data folder's "secrets" folder (stored API keys and the Data Protection keys that encrypt them), readable by its owner only.</summary>
internal static class SecretsFolder
{
    public static string Of(StorageOptions storage)
    {
        var folder = Path.Combine(storage.DataDirectory, "secrets");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
