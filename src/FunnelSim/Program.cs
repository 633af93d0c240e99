using FunnelSim.Cli;

return await FunnelSimCli.RunAsync(args, CliContext.FromConsole());
