using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;

namespace Pricer.Cli.Commands;

public static class ImportCommand
{
    public const int BadRowsListed = 20;

    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "A .jsonl, .jsonl.gz, .csv or .parquet file, a folder of split files, or hf:owner/name",
        };
        var name = new Option<string>("--name") { Description = "The data set's name", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace the data set of this name if there is one" };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Skip and report bad rows instead of aborting on them" };
        var json = GlobalOptions.Json();
        var command = new Command("import", "Import items into a named data set") { source, name, replace, skipBadRows, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var request = new ImportRequest(parse.GetValue(name)!, parse.GetValue(source)!, parse.GetValue(replace), parse.GetValue(skipBadRows));
            var progress = new ConsoleImportProgress(Console.Error, terminal: !Console.IsErrorRedirected);
            ImportResult result;
            try
            {
                result = await services.GetRequiredService<IDatasetImporter>().ImportAsync(request, progress, cancellationToken);
            }
            catch (ImportAbortedException e)
            {
                progress.Finish();
                WriteBadRows(e.BadRows, e.BadRows.Count);
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            catch (Exception e) when (e is DatasetExistsException or ItemSourceException or ArgumentException or SqliteException)
            {
                progress.Finish();
                Console.Error.WriteLine(e.Message);
                return 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                progress.Finish();
                Console.Error.WriteLine("Import cancelled; nothing was stored.");
                return 130;
            }
            progress.Finish();
            WriteBadRows(result.BadRows, result.Skipped);
            Console.WriteLine($"Imported '{result.Dataset}': train {result.Train:N0}, validation {result.Validation:N0}, test {result.Test:N0}, skipped {result.Skipped:N0}.");
            if (parse.GetValue(json))
                JsonOutput.Write(new { dataset = result.Dataset, train = result.Train, validation = result.Validation, test = result.Test, skipped = result.Skipped });
            return 0;
        });
        return command;
    }

    private static void WriteBadRows(IReadOnlyList<BadRow> badRows, int count)
    {
        foreach (var bad in badRows.Take(BadRowsListed)) Console.Error.WriteLine($"bad row {bad}");
        if (count > BadRowsListed) Console.Error.WriteLine($"... and {count - BadRowsListed:N0} more bad rows");
    }
}
