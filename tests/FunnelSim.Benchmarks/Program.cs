using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FunnelSim.Benchmarks -- --filter '*Engine*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
