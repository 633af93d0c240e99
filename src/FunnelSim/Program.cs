using System.Runtime.InteropServices;
using FunnelSim.Cli;

// 'funnelsim worker' runs its silo in a child process with the JIT's tiering delay off (WorkerProcess).
if (WorkerProcess.RunRelaunched(args) is int workerExitCode) return workerExitCode;

// A worker's child hears SIGINT and SIGTERM as stop requests of its own (WorkerProcess.WatchLifeline).
using var signals = WorkerProcess.IsChild && args is ["worker", ..] ? TerminationSignals.Manual() : TerminationSignals.Listen();
return await FunnelSimCli.RunAsync(args, CliContext.FromConsole(), signals);
