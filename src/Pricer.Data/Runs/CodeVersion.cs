using System.Reflection;

namespace Pricer.Data.Runs;

/// <summary>The running build's version; the SDK appends the git commit ("1.0.0+abc123") when built from a clone.</summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
