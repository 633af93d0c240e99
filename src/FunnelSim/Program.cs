using FunnelSim.Cli;

return FunnelSimCli.Run(args, CliContext.FromConsole());
