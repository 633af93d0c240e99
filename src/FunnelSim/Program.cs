using System.Runtime.InteropServices;
using FunnelSim.Cli;

// 'funnelsim worker' runs its silo in a child process with the JIT's tiering delay off (WorkerProcess).
if (WorkerProcess.RunRelaunched(args) is int workerExitCode) return workerExitCode;

using var signals = TerminationSignals.Listen();
return await FunnelSimCli.RunAsync(args, CliContext.FromConsole(), signals);
