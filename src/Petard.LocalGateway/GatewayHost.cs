using System.Globalization;
using System.Runtime.InteropServices;

namespace Petard.Local;

/// <summary>
/// The command line host: <c>dotnet run --project src/Petard.LocalGateway -- --port 4567</c>.
/// Prints the URL it listens on and stops cleanly on Ctrl+C or SIGTERM.
/// </summary>
public static class GatewayHost
{
    private const string Options = """
        [--port N] [--state-file PATH] [--verify-signatures KEY:SECRET] [--create-deployment-quota SECONDS] [--lambda NAME=URL]... [--cognito-jwks POOL=FILE]...

          --port N                        port on 127.0.0.1 (default 4567; 0 picks a free one)
          --state-file PATH               keep the state in PATH across runs (written atomically)
          --verify-signatures KEY:SECRET  check every request's SigV4 signature with these credentials
          --create-deployment-quota S     answer 429 to CreateDeployment calls closer than S seconds (the service: 5)
          --lambda NAME=URL               serve AWS_PROXY integrations of function NAME (a name or ARN) from URL,
                                          a server speaking the Lambda Runtime Interface Emulator's protocol (repeatable)
          --cognito-jwks POOL=FILE        verify tokens of Cognito user pool POOL (an id or ARN) with the JWKS in FILE (repeatable)
        """;

    /// <summary>Runs the emulator until Ctrl+C; returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the URL is printed.</param>
    /// <param name="error">Where errors are printed.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, "Petard.LocalGateway");

    /// <summary>Runs the emulator until Ctrl+C; returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the URL is printed.</param>
    /// <param name="error">Where errors are printed.</param>
    /// <param name="commandName">The command the user typed, named in the usage text (e.g. <c>petard-localgateway</c> for the .NET tool).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string commandName)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentException.ThrowIfNullOrWhiteSpace(commandName);
        var usage = $"Usage: {commandName} {Options}";
        LocalGatewayOptions? options;
        try
        {
            options = ParseArguments(args);
            if (options is not null)
            {
                options.DataPlaneLog = output;
                options.ControlPlaneLog = output;
            }
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}{usage}").ConfigureAwait(false);
            return 2;
        }

        if (options is null)
        {
            await output.WriteLineAsync(usage).ConfigureAwait(false);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        // Signals rather than Console.CancelKeyPress: they arrive whether or not stdin is a terminal.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // stop through our own shutdown, not a hard exit
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        LocalGateway gateway;
        try
        {
            gateway = await LocalGateway.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (gateway.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"Petard.LocalGateway listening on {gateway.Url} (Ctrl+C to stop)").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Petard.LocalGateway stopping.").ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>Reads the command line; <c>null</c> when help was asked for.</summary>
    /// <param name="args">The arguments.</param>
    /// <exception cref="FormatException">An unknown or malformed argument.</exception>
    public static LocalGatewayOptions? ParseArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LocalGatewayOptions { Port = 4567 };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    var port = Value();
                    options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535
                        ? p
                        : throw new FormatException($"--port '{port}' is not a port number (0-65535).");
                    break;
                case "--state-file":
                    options.StateFile = Value();
                    break;
                case "--verify-signatures":
                    options.VerifySignatures = SigningKey.Parse(Value());
                    break;
                case "--create-deployment-quota":
                    var seconds = Value();
                    options.CreateDeploymentInterval = double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? TimeSpan.FromSeconds(s)
                        : throw new FormatException($"--create-deployment-quota '{seconds}' is not a positive number of seconds.");
                    break;
                case "--lambda":
                    var (name, url) = ParseLambda(Value());
                    options.Lambdas[name] = url;
                    break;
                case "--cognito-jwks":
                    var jwks = Value();
                    var equals = jwks.LastIndexOf('=');
                    if (equals <= 0 || equals == jwks.Length - 1)
                    {
                        throw new FormatException($"--cognito-jwks '{jwks}' is not POOL=FILE (e.g. us-east-1_AbCdEf123=jwks.json).");
                    }

                    options.CognitoJwks[jwks[..equals]] = jwks[(equals + 1)..];
                    break;
                case "--help" or "-h":
                    return null;
                default:
                    throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }

        return options;
    }

    private static (string Name, Uri Url) ParseLambda(string value)
    {
        // An ARN holds ":" but no "=": the URL starts at the first "=http".
        var at = value.IndexOf("=http", StringComparison.OrdinalIgnoreCase);
        return at > 0 && Uri.TryCreate(value[(at + 1)..], UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? (value[..at], url)
            : throw new FormatException($"--lambda '{value}' is not NAME=URL (e.g. my-function=http://127.0.0.1:9000).");
    }
}
