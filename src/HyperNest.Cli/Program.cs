using HyperNest.Cli;

return CommandLine.Run(args);
