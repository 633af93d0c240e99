using System.Runtime.InteropServices;
using FunnelSim.Cli;

// Ctrl+C (SIGINT) and SIGTERM cancel the command through its token; a second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
void OnSignal(PosixSignalContext signal)
{
    if (!FunnelSimCli.SignalsCancel || cancellation.IsCancellationRequested) return;
    signal.Cancel = true;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await FunnelSimCli.RunAsync(args, CliContext.FromConsole(), cancellation.Token);
