using System.Text.Json;

namespace Pricer.Cli.Hosting;

/// <summary>The one-line JSON object that `--json` promises as the last line of stdout.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
