using System.CommandLine;
using System.Text.Json;
using Pricer.Cli.Hosting;
using Pricer.Core.Text;

namespace Pricer.Cli.Commands;

public static class FeaturesCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "Items file (.jsonl, .jsonl.gz, .csv or .parquet)", Required = true };
        var command = new Command("features", "Print each item's hashed features (the seed's HashingVectorizer) as one JSON line: id, indices, values") { input };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (items, problems) = await ItemsFile.ReadAsync(parse.GetValue(input)!, cancellationToken);
            if (problems.Count > 0) return CliExit.Failure(string.Join(Environment.NewLine, problems));
            var vectorizer = new HashingVectorizer();
            await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            foreach (var item in items)
            {
                var vector = vectorizer.Transform(item.Text);
                await output.WriteLineAsync(JsonSerializer.Serialize(new { id = item.Id, indices = vector.Indices, values = vector.Values }));
            }
            return 0;
        });
        return command;
    }
}
