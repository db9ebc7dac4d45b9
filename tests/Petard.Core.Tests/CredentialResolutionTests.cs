using Amazon.Runtime;
using Petard.Configuration;
using Petard.Core.Tests.Infrastructure;
using Xunit;

namespace Petard.Core.Tests;

/// <summary>Credentials and region from the environment and the shared files, seen in the signature of a real request.</summary>
[Collection(EnvironmentScope.Collection)]
public class CredentialResolutionTests
{
    [Fact]
    public async Task Credentials_come_from_the_environment_variables()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_ACCESS_KEY_ID", "AKIDFROMENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", "env-token"), ("AWS_REGION", "eu-central-1"));
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://apigateway.eu-central-1.amazonaws.com/restapis"), request.Uri);
        Assert.Equal("AKIDFROMENV", SignatureCheck.Read(request).AccessKey);
        Assert.Equal("env-token", request.Header("X-Amz-Security-Token"));
        SignatureCheck.AssertValid(request, new SessionAWSCredentials("AKIDFROMENV", "env-secret", "env-token"), "eu-central-1");
    }

    [Fact]
    public async Task Environment_keys_win_over_the_default_profile_of_the_shared_files_as_in_the_standard_chain()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_ACCESS_KEY_ID", "AKIDFROMENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_REGION", "eu-west-1"));
        SharedAwsFiles.WriteCredentials("[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n");
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        var request = Assert.Single(handler.Requests);
        Assert.Null(request.Header("X-Amz-Security-Token"));
        SignatureCheck.AssertValid(request, new BasicAWSCredentials("AKIDFROMENV", "env-secret"), "eu-west-1");
    }

    [Fact]
    public async Task Credentials_and_region_come_from_a_named_profile_of_the_shared_files()
    {
        using var scope = EnvironmentScope.CleanAws();
        SharedAwsFiles.WriteCredentials("[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n\n[petard-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
        SharedAwsFiles.WriteConfig("[profile petard-test]\nregion = ap-southeast-2\n");
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { Profile = "petard-test", HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("ap-southeast-2", client.Region);
        Assert.Equal("AKIDPROFILE", SignatureCheck.Read(request).AccessKey);
        SignatureCheck.AssertValid(request, new BasicAWSCredentials("AKIDPROFILE", "profile-secret"), "ap-southeast-2");
    }

    [Fact]
    public async Task AWS_PROFILE_names_the_profile_when_the_option_is_unset()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_PROFILE", "from-env"), ("AWS_REGION", "us-west-2"));
        SharedAwsFiles.WriteCredentials("[from-env]\naws_access_key_id = AKIDENVPROFILE\naws_secret_access_key = s\n");
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        Assert.Equal("AKIDENVPROFILE", SignatureCheck.Read(Assert.Single(handler.Requests)).AccessKey);
    }

    [Fact]
    public void Assume_role_and_SSO_profiles_resolve_to_the_SDK_credentials_that_fetch_them()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_REGION", "eu-west-1"));
        SharedAwsFiles.WriteCredentials("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
        SharedAwsFiles.WriteConfig(string.Join('\n',
            "[profile deployer]", "role_arn = arn:aws:iam::123456789012:role/deployer", "source_profile = base", "",
            "[profile sso-user]", "sso_session = corp", "sso_account_id = 123456789012", "sso_role_name = Deployer", "region = eu-west-1", "",
            "[sso-session corp]", "sso_start_url = https://corp.awsapps.com/start", "sso_region = eu-west-1", "sso_registration_scopes = sso:account:access", ""));

        // Nothing is fetched until a request is signed (no STS or SSO call here): the profile kinds are understood.
        Assert.IsType<AssumeRoleAWSCredentials>(ClientConfiguration.Resolve(new PetardClientOptions { Profile = "deployer" }, Environment.GetEnvironmentVariable).Credentials);
        Assert.IsType<SSOAWSCredentials>(ClientConfiguration.Resolve(new PetardClientOptions { Profile = "sso-user" }, Environment.GetEnvironmentVariable).Credentials);
    }

    [Fact]
    public void Unknown_profile_is_PETARD1013_and_names_the_profile()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_REGION", "eu-west-1"));

        var error = Assert.Throws<PetardException>(() => PetardClient.Create(new PetardClientOptions { Profile = "nope" }));

        Assert.Equal(PetardErrorCodes.ProfileNotFound, error.Code);
        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_region_is_PETARD1009()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "s"));

        var error = Assert.Throws<PetardException>(() => PetardClient.Create(new PetardClientOptions { EndpointUrl = "https://apigateway.example.com" }));

        Assert.Equal(PetardErrorCodes.NoRegion, error.Code);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Region"], error.Settings);
        Assert.Contains("Set PetardRegion,", error.Describe(name => "Petard" + name), StringComparison.Ordinal);
        Assert.DoesNotContain("MSBuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_credentials_anywhere_is_PETARD1008()
    {
        using var scope = EnvironmentScope.CleanAws(("AWS_REGION", "eu-west-1"));

        var error = Assert.Throws<PetardException>(() => PetardClient.Create());

        Assert.Equal(PetardErrorCodes.NoCredentials, error.Code);
        Assert.Equal(["Profile"], error.Settings);
    }

    [Fact]
    public async Task Loopback_endpoint_without_any_credentials_signs_with_placeholders()
    {
        using var scope = EnvironmentScope.CleanAws();
        var handler = new RecordingHandler();
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = "http://127.0.0.1:4567", HttpMessageHandler = handler });

        await client.InvokeAsync("GetRestApis");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("us-east-1", SignatureCheck.Read(request).Region);
        Assert.Equal(new Uri("http://127.0.0.1:4567/restapis"), request.Uri);
    }
}
