using BenchmarkDotNet.Running;

// One entry point for every benchmark class in this assembly; choose with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
