using System.CommandLine;
using Pricer.Cli.Commands;
using Pricer.Cli.Hosting;

var root = new RootCommand("pricer: PricerWeb's services from the command line");
root.Options.Add(GlobalOptions.Database);
root.Options.Add(GlobalOptions.DataDirectory);
root.Subcommands.Add(DatasetsCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(BaselinesCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(FeaturesCommand.Create());

var parse = root.Parse(args);
var exitCode = await parse.InvokeAsync();
// Usage errors exit 2, as shells and scripts expect, apart from failures of a command that ran (1).
return parse.Errors.Count > 0 ? 2 : exitCode;
