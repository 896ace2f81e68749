using Pricer.Bench;
using Pricer.Bench.Benches;
using Pricer.Bench.Measurement;
using Pricer.Bench.Synthetic;

// dotnet run -c Release --project bench/Pricer.Bench -- <generate|import|browse|compare|llm|knn|embed|guess|train|train-scale|predict|all> [--items N] [--threads N]
const string Usage = "usage: Pricer.Bench <generate|import|browse|compare|llm|knn|embed|guess|train|train-scale|predict|all> [--items N] [--threads N]   (default 800000 SYNTHETIC items; torch threads for train)";

var bench = args.FirstOrDefault();
var items = 800_000;
var itemsAt = Array.IndexOf(args, "--items");
if (itemsAt >= 0 && (itemsAt + 1 >= args.Length || !int.TryParse(args[itemsAt + 1], out items) || items < 3))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var threads = 1;
var threadsAt = Array.IndexOf(args, "--threads");
if (threadsAt >= 0 && (threadsAt + 1 >= args.Length || !int.TryParse(args[threadsAt + 1], out threads) || threads < 1))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (bench is not ("generate" or "import" or "browse" or "compare" or "llm" or "knn" or "embed" or "guess" or "train" or "train-scale" or "predict" or "all"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var workFolder = Path.Combine(BenchFolders.RepoRoot, "artifacts", "bench");
var sourceFolder = Path.Combine(workFolder, $"synthetic-{items}");
var databaseFolder = Path.Combine(workFolder, $"db-{items}");
var results = new ResultTable();
var loadAtStart = LoadAverage();

if (bench is "train" or "train-scale" or "predict")
{
    // One intra-op thread: on a shared 2-core machine libtorch's spinning thread pool loses far more than it gains.
    var torchStart = System.Diagnostics.Stopwatch.StartNew();
    TorchSharp.torch.set_num_threads(threads);
    Console.WriteLine($"train: torch threads {threads} (the reference runs with 2); torch's native start-up took {torchStart.ElapsedMilliseconds:N0} ms");
    if (bench == "train") await TrainBench.RunAsync(workFolder, results, epochs: 2);
    else if (bench == "predict") await TrainBench.RunPredictAsync(workFolder, results);
    else TrainBench.RunScale(results, items);
    return Report(results, loadAtStart);
}

if (bench == "compare")
{
    await CompareBench.RunAsync(workFolder, results);
    return Report(results, loadAtStart);
}
if (bench == "llm")
{
    await LlmBench.RunAsync(workFolder, results);
    return Report(results, loadAtStart);
}

if (bench == "knn")
{
    await KnnBench.RunAsync(items, results);
    return Report(results, loadAtStart);
}
if (bench == "embed")
{
    EmbedBench.Run(results);
    return Report(results, loadAtStart);
}
if (bench == "guess")
{
    await GuessBench.RunAsync(workFolder, results);
    return Report(results, loadAtStart);
}

SyntheticDataset.Ensure(sourceFolder, items);
if (bench == "generate") return 0;

if (bench is "import" or "all" || !File.Exists(Path.Combine(databaseFolder, "pricer.db")))
{
    if (Directory.Exists(databaseFolder)) Directory.Delete(databaseFolder, recursive: true);
    await using var database = await BenchDatabase.OpenAsync(databaseFolder);
    Console.WriteLine($"import: {sourceFolder} -> {database.FilePath}");
    await ImportBench.RunAsync(database, sourceFolder, results);
}
if (bench is "browse" or "all")
{
    await using var database = await BenchDatabase.OpenAsync(databaseFolder);
    Console.WriteLine($"browse: {database.FilePath}");
    await BrowseBench.RunAsync(database, results);
}
if (bench == "all")
{
    await CompareBench.RunAsync(workFolder, results);
    await LlmBench.RunAsync(workFolder, results);
    await KnnBench.RunAsync(items, results);
    EmbedBench.Run(results);
    await GuessBench.RunAsync(workFolder, results);
}
return Report(results, loadAtStart);

static int Report(ResultTable results, string loadAtStart)
{
    results.Print(Console.Out);
    // Timings on a shared 2-core machine depend on what else runs; the load average says how busy it was.
    Console.WriteLine($"load average (1 min): {loadAtStart} at start, {LoadAverage()} at end, on {Environment.ProcessorCount} cores");
    Console.WriteLine(results.AllMet ? "All targets met." : "Some targets were missed (ratio over 1.00).");
    return 0;
}

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
