using Petard.LocalGateway;

return await GatewayHost.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
