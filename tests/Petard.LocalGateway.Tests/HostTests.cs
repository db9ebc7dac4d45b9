namespace Petard.Local.Tests;

public sealed class HostTests
{
    [Fact]
    public void Arguments_are_read_into_options()
    {
        var options = GatewayHost.ParseArguments(["--port", "4567", "--state-file", "s.json", "--verify-signatures", "AKID:se:cret", "--create-deployment-quota", "0.2"])!;

        Assert.Equal(4567, options.Port);
        Assert.Equal("s.json", options.StateFile);
        Assert.Equal("AKID", options.VerifySignatures!.AccessKeyId);
        Assert.Equal("se:cret", options.VerifySignatures.SecretAccessKey);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.CreateDeploymentInterval);
        Assert.DoesNotContain("se:cret", options.VerifySignatures.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--verify-signatures", "no-colon")]
    [InlineData("--create-deployment-quota", "-1")]
    [InlineData("--bogus", "1")]
    public async Task Bad_arguments_exit_with_2_and_a_message(string name, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await GatewayHost.RunAsync([name, value], output, error));
        Assert.Contains("error:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Usage: Petard.LocalGateway [--port N]")]
    [InlineData("petard-localgateway", "Usage: petard-localgateway [--port N]")]
    public async Task Help_names_the_command_the_user_typed(string? commandName, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = commandName is null
            ? await GatewayHost.RunAsync(["--help"], output, error)
            : await GatewayHost.RunAsync(["--help"], output, error, commandName);

        Assert.Equal(0, exitCode);
        Assert.StartsWith(expected, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_listens_on_loopback_only()
    {
        await using var gateway = await LocalGateway.StartAsync();
        Assert.StartsWith("http://127.0.0.1:", gateway.Url, StringComparison.Ordinal);
        Assert.EndsWith("/", gateway.Url, StringComparison.Ordinal);
    }
}
