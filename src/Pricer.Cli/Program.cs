using System.CommandLine;
using Pricer.Cli.Commands;
using Pricer.Cli.Hosting;

var root = new RootCommand("pricer: PricerWeb's services from the command line");
root.Options.Add(GlobalOptions.Database);
root.Options.Add(GlobalOptions.DataDirectory);
root.Subcommands.Add(DatasetsCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(BaselinesCommand.Create());

return await root.Parse(args).InvokeAsync();
