using Petard.Local;

return await GatewayHost.RunAsync(args, Console.Out, Console.Error, "petard-localgateway").ConfigureAwait(false);
