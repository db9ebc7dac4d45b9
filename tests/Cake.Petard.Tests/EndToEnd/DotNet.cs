using Petard.EndToEnd.Tests.Infrastructure;

namespace Cake.Petard.Tests.EndToEnd;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, with no AWS configuration of the machine's and no colours.</summary>
internal static class DotNet
{
    public static async Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, Func<System.Diagnostics.Process, Task>? started = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["NO_COLOR"] = "1",
            // A developer's profiles (an expired SSO session, another default region) must not change what the tests see.
            ["AWS_CONFIG_FILE"] = Path.Combine(workingDirectory, "no-aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(workingDirectory, "no-aws-credentials"),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return await ProcessRunner.RunAsync(ProcessRunner.Dotnet, arguments, workingDirectory, variables, TimeSpan.FromMinutes(4), started);
    }
}
