using FunnelSim.Cli;

using var signals = TerminationSignals.Listen();
return await FunnelSimCli.RunAsync(args, CliContext.FromConsole(), signals);
