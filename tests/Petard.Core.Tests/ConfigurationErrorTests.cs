using Amazon.Runtime;
using Petard.Local;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Configuration mistakes users made, each a coded PetardException instead of an AWS SDK exception or the wrong code.</summary>
[Collection(EnvironmentScope.Collection)]
public class ConfigurationErrorTests
{
    [Fact]
    public void An_endpoint_without_a_scheme_is_PETARD1012_even_with_no_region_set()
    {
        using var scope = EnvironmentScope.CleanAws();

        var error = Assert.Throws<PetardException>(() => PetardClient.Create(new PetardClientOptions { EndpointUrl = "localhost:4567" }));

        Assert.Equal(PetardErrorCodes.InvalidEndpoint, error.Code);
        Assert.Contains("localhost:4567", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1;rm")]
    [InlineData("EU-WEST-1")]
    [InlineData("eu west 1")]
    public void A_region_that_is_not_a_region_name_is_PETARD1009_naming_the_setting(string region)
    {
        var error = Assert.Throws<PetardException>(() => PetardClient.Create(new PetardClientOptions { Region = region, Credentials = new BasicAWSCredentials("AKID", "secret") }));

        Assert.Equal(PetardErrorCodes.NoRegion, error.Code);
        Assert.Contains(region, error.Message, StringComparison.Ordinal);
        Assert.Equal(["Region"], error.Settings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Credentials_that_fail_when_fetched_are_PETARD1008_and_send_nothing(bool credentialProcess)
    {
        await using var gateway = await LocalGateway.StartAsync();
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url, Credentials = new FailingCredentials(credentialProcess) });

        var error = await Assert.ThrowsAsync<PetardException>(() => client.InvokeAsync("GetRestApis"));

        Assert.Equal(PetardErrorCodes.NoCredentials, error.Code);
        Assert.Contains("The SSO session has expired", error.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    /// <summary>
    /// What an expired SSO session or a refused assume-role looks like to the signer, or a
    /// credential_process that exits non-zero (ProcessAWSCredentialException, not an AmazonClientException).
    /// </summary>
    private sealed class FailingCredentials(bool credentialProcess) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw Failure();

        public override Task<ImmutableCredentials> GetCredentialsAsync() => throw Failure();

        private Exception Failure() => credentialProcess
            ? new ProcessAWSCredentialException("The SSO session has expired.")
            : new AmazonClientException("The SSO session has expired.");
    }
}
