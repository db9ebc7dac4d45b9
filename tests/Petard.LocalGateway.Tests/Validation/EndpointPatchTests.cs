using System.Text.Json;

namespace Petard.Local.Tests.Validation;

/// <summary>
/// The PATCH paths of the service's Patch Operations table for endpoint configuration, mutual TLS
/// and account features, with what they do to the resource as the Get operations answer it.
/// </summary>
public sealed class EndpointPatchTests : GatewayTestBase
{
    private const string Domain = "api.example.com";

    [Fact]
    public async Task A_private_api_takes_and_drops_vpc_endpoints_and_another_type_refuses_them()
    {
        var privateApi = (await Client.InvokeAsync("CreateRestApi", new { name = "inside", endpointConfiguration = new { types = new[] { "PRIVATE" } } })).Id!;

        await UpdateApiAsync(privateApi, ("add", "/endpointConfiguration/vpcEndpointIds", "vpce-0aaa,vpce-0bbb"));
        var updated = await UpdateApiAsync(privateApi, ("remove", "/endpointConfiguration/vpcEndpointIds", "vpce-0aaa"), ("replace", "/endpointConfiguration/ipAddressType", "dualstack"));

        var configuration = updated["endpointConfiguration"];
        Assert.Equal("""["PRIVATE"]""", configuration.GetProperty("types").GetRawText());
        Assert.Equal("""["vpce-0bbb"]""", configuration.GetProperty("vpcEndpointIds").GetRawText());
        Assert.Equal("dualstack", configuration.GetProperty("ipAddressType").GetString());
        Assert.Equal(updated["endpointConfiguration"].GetRawText(), (await Client.InvokeAsync("GetRestApi", new { restApiId = privateApi }))["endpointConfiguration"].GetRawText());

        var edgeApi = await CreateApiAsync();
        var notPrivate = await RefusedAsync(edgeApi, ("add", "/endpointConfiguration/vpcEndpointIds", "vpce-0aaa"));
        Assert.Equal("VPC endpoint IDs can only be associated with a PRIVATE API; this API's endpoint type is EDGE.", notPrivate.ServiceMessage);
        var replace = await RefusedAsync(privateApi, ("replace", "/endpointConfiguration/vpcEndpointIds", "vpce-0aaa"));
        Assert.Equal("Invalid patch path  '/endpointConfiguration/vpcEndpointIds' specified for op 'replace'. Please choose supported operations", replace.ServiceMessage);
        var index = await RefusedAsync(privateApi, ("add", "/endpointConfiguration/vpcEndpointIds/0", "vpce-0aaa"));
        Assert.StartsWith("Invalid patch path  '/endpointConfiguration/vpcEndpointIds/0' specified for op 'add'. Must be one of: [", index.ServiceMessage, StringComparison.Ordinal);
        var ipv6 = await RefusedAsync(privateApi, ("replace", "/endpointConfiguration/ipAddressType", "ipv6"));
        Assert.Equal("Invalid patch value 'ipv6' specified for op 'replace' on path '/endpointConfiguration/ipAddressType'.", ipv6.ServiceMessage);
    }

    [Fact]
    public async Task A_domain_name_migrates_from_edge_to_regional_by_adding_then_removing_a_type()
    {
        await Client.InvokeAsync("CreateDomainName", new { domainName = Domain, certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" });

        var both = await UpdateDomainAsync(("add", "/endpointConfiguration/types", "REGIONAL"), ("add", "/regionalCertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/def"));
        Assert.Equal("""["EDGE","REGIONAL"]""", both["endpointConfiguration"].GetProperty("types").GetRawText());
        Assert.EndsWith(".execute-api.us-east-1.amazonaws.com", both.GetString("regionalDomainName"), StringComparison.Ordinal);
        Assert.EndsWith(".cloudfront.net", both.GetString("distributionDomainName"), StringComparison.Ordinal);

        var regional = await UpdateDomainAsync(("remove", "/endpointConfiguration/types", "EDGE"), ("remove", "/certificateArn", null));
        Assert.Equal("""["REGIONAL"]""", regional["endpointConfiguration"].GetProperty("types").GetRawText());
        Assert.False(regional.Json.TryGetProperty("distributionDomainName", out _));
        Assert.False(regional.Json.TryGetProperty("certificateArn", out _));

        var last = await Assert.ThrowsAsync<PetardServiceException>(() => UpdateDomainAsync(("remove", "/endpointConfiguration/types", "REGIONAL")));
        Assert.Equal("BadRequestException", last.ErrorType);
        var toPrivate = await Assert.ThrowsAsync<PetardServiceException>(() => UpdateDomainAsync(("add", "/endpointConfiguration/types", "PRIVATE")));
        Assert.Equal("A public custom domain name cannot be migrated to PRIVATE.", toPrivate.ServiceMessage);
    }

    [Fact]
    public async Task A_domain_name_keeps_its_mutual_tls_truststore_from_create_and_patches_it()
    {
        var created = await Client.InvokeAsync("CreateDomainName", new
        {
            domainName = Domain,
            regionalCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc",
            endpointConfiguration = new { types = new[] { "REGIONAL" } },
            securityPolicy = "TLS_1_2",
            mutualTlsAuthentication = new { truststoreUri = "s3://truststores/api.pem", truststoreVersion = "1" },
        });
        Assert.Equal("""{"truststoreUri":"s3://truststores/api.pem","truststoreVersion":"1"}""", created["mutualTlsAuthentication"].GetRawText());

        var bumped = await UpdateDomainAsync(("replace", "/mutualTlsAuthentication/truststoreVersion", "2"));
        Assert.Equal("2", bumped["mutualTlsAuthentication"].GetProperty("truststoreVersion").GetString());

        // The documented way to turn mutual TLS off: an empty truststore URI.
        var off = await UpdateDomainAsync(("replace", "/mutualTlsAuthentication/truststoreUri", ""));
        Assert.False(off.Json.TryGetProperty("mutualTlsAuthentication", out _));
        Assert.False((await Client.InvokeAsync("GetDomainName", new { domainName = Domain })).Json.TryGetProperty("mutualTlsAuthentication", out _));
    }

    [Fact]
    public async Task The_account_adds_features_and_keeps_usage_plans()
    {
        var added = await Client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op = "add", path = "/features", value = "UsagePlans" } } });
        Assert.Equal("""["UsagePlans"]""", added["features"].GetRawText());

        var remove = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("UpdateAccount", new { patchOperations = new[] { new { op = "remove", path = "/features", value = "UsagePlans" } } }));

        Assert.Equal("BadRequestException", remove.ErrorType);
        Assert.Equal("The account feature 'UsagePlans' cannot be removed.", remove.ServiceMessage);
        Assert.Equal("""["UsagePlans"]""", (await Client.InvokeAsync("GetAccount"))["features"].GetRawText());
    }

    private Task<Resource> UpdateApiAsync(string apiId, params (string Op, string Path, string? Value)[] operations) =>
        Client.InvokeAsync("UpdateRestApi", new { restApiId = apiId, patchOperations = operations.Select(o => new { op = o.Op, path = o.Path, value = o.Value }).ToArray() });

    private Task<Resource> UpdateDomainAsync(params (string Op, string Path, string? Value)[] operations) =>
        Client.InvokeAsync("UpdateDomainName", new { domainName = Domain, patchOperations = operations.Select(o => new { op = o.Op, path = o.Path, value = o.Value }).ToArray() });

    private async Task<PetardServiceException> RefusedAsync(string apiId, params (string Op, string Path, string? Value)[] operations)
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => UpdateApiAsync(apiId, operations));
        Assert.Equal("BadRequestException", error.ErrorType);
        return error;
    }
}
