using ExchangeHub.Cli;

return await CliApp.InvokeAsync(args, Console.Out);
