using System.Diagnostics;
using BenchmarkDotNet.Running;
using FunnelSim.Compilation;
using FunnelSim.Engine;
using FunnelSim.Json;
using FunnelSim.Model;
using FunnelSim.Summaries;

// One entry point for every benchmark class in this assembly; choose with --filter.
// `quick [threads] [iterations] [repeats] [costs|nocosts]` instead times Simulator.Run of the base case with a stopwatch
// (one warm-up run first) and prints each repeat and the median: a fast check between BenchmarkDotNet runs.
// `whatif [threads] [repeats]` times the UI's what-if (compile + 4,000 iterations) the same way.
// measure-targets.sh (beside this file) uses both to measure every row of the speed table in docs/performance.md.
if (args.Length > 0 && args[0] == "quick")
{
    int threads = args.Length > 1 ? int.Parse(args[1]) : 2;
    long iterations = args.Length > 2 ? long.Parse(args[2]) : 200_000;
    int repeats = args.Length > 3 ? int.Parse(args[3]) : 5;
    bool costs = args.Length <= 4 || args[4] != "nocosts";
    var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
    if (!costs) scenario = scenario with { Costs = null };
    var model = ModelCompiler.Compile(scenario);
    Simulator.Run(model, new RunOptions(iterations, 20261124, threads));
    var times = new List<double>();
    for (int r = 0; r < repeats; r++)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        Simulator.Run(model, new RunOptions(iterations, 20261124, threads));
        double seconds = watch.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        times.Add(seconds);
        Console.WriteLine($"{seconds:F3} s  {iterations / seconds:N0}/s  {allocated / 1e6:F1} MB allocated");
    }
    times.Sort();
    Console.WriteLine($"threads {threads}, costs {costs}: median {times[times.Count / 2]:F3} s = {iterations / times[times.Count / 2]:N0}/s " +
                      $"(min {times[0]:F3}, max {times[^1]:F3})");
    return;
}
if (args.Length > 0 && args[0] == "whatif")
{
    // What the terminal UI does after an edit: compile the scenario and run 4,000 iterations (EngineBenchmarks.QuickRun4k).
    int threads = args.Length > 1 ? int.Parse(args[1]) : 2;
    int repeats = args.Length > 2 ? int.Parse(args[2]) : 30;
    var scenario = BuiltInScenarios.LoadUsNationalBase().Scenario!;
    var times = new List<double>();
    for (int r = -3; r < repeats; r++) // three warm-up runs
    {
        var watch = Stopwatch.StartNew();
        Simulator.Run(ModelCompiler.Compile(scenario), new RunOptions(4_000, 20261124, threads));
        if (r >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"what-if (compile + 4,000 iterations), threads {threads}: median {times[times.Count / 2]:F1} ms " +
                      $"(min {times[0]:F1}, max {times[^1]:F1})");
    return;
}
if (args.Length > 0 && args[0] == "widths")
{
    var model = ModelCompiler.Compile(BuiltInScenarios.LoadUsNationalBase().Scenario!);
    var runner = new IterationRunner(model, 20261124);
    runner.Run(0, 200_000);
    long cellBytes = 0, moneyBytes = 0;
    for (int c = 0; c < model.CellCount; c++) cellBytes += runner.Cells.Histogram(c).Width;
    var money = runner.Costs!.Money;
    int moneyCells = model.Budget!.CellCount, zeroCells = 0;
    for (int c = 0; c < moneyCells; c++)
    {
        var sketch = money.Sketch(c);
        moneyBytes += sketch.Positive.Width + sketch.Negative.Width;
        if (sketch.Zeros > 0) zeroCells++;
    }
    Console.WriteLine($"funnel cells {model.CellCount}: {cellBytes / 1024} KB of histogram bytes; money cells {moneyCells}: {moneyBytes / 1024} KB of bucket bytes; {zeroCells} cells with zeros");
    return;
}
if (args.Length > 0 && args[0] == "quick-money")
{
    var bench = new FunnelSim.Benchmarks.MoneyBenchmarks();
    bench.Setup();
    for (int r = 0; r < 7; r++)
    {
        var watch = Stopwatch.StartNew();
        for (int k = 0; k < 5; k++) bench.Add4096();
        Console.WriteLine($"Add4096: {watch.Elapsed.TotalMilliseconds / 5:F2} ms");
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
