namespace Petard.Local.Tests;

/// <summary>Tags by ARN on every kind of resource the service tags, and tags given on create.</summary>
public sealed class TagTests : GatewayTestBase
{
    [Fact]
    public async Task Tags_are_added_listed_and_removed_by_arn_and_show_on_the_resource()
    {
        var apiId = await CreateApiAsync();
        var arn = $"arn:aws:apigateway:us-east-1::/restapis/{apiId}";
        await Client.InvokeAsync("TagResource", new { resourceArn = arn, tags = new Dictionary<string, string> { ["team"] = "orders", ["env"] = "dev" } });

        var tags = await Client.InvokeAsync("GetTags", new { resourceArn = arn });
        Assert.Equal("orders", tags["tags"].GetProperty("team").GetString());
        Assert.Equal("dev", (await Client.InvokeAsync("GetRestApi", new { restApiId = apiId }))["tags"].GetProperty("env").GetString());

        await Client.InvokeAsync("UntagResource", new { resourceArn = arn, tagKeys = new[] { "env" } });
        var left = (await Client.InvokeAsync("GetTags", new { resourceArn = arn }))["tags"];
        Assert.Equal(["team"], left.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Stages_keys_plans_certificates_and_vpc_links_are_taggable_and_take_tags_on_create()
    {
        var (apiId, _) = await CreateDeployableApiAsync();
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        var key = await Client.InvokeAsync("CreateApiKey", new { name = "k", tags = new Dictionary<string, string> { ["a"] = "1" } });
        var plan = await Client.InvokeAsync("CreateUsagePlan", new { name = "p" });
        var certificate = await Client.InvokeAsync("GenerateClientCertificate", new { tags = new Dictionary<string, string> { ["c"] = "3" } });
        var link = await Client.InvokeAsync("CreateVpcLink", new { name = "l", targetArns = new[] { "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/0123abcd" } });

        string[] arns =
        [
            $"arn:aws:apigateway:us-east-1::/restapis/{apiId}/stages/dev",
            $"arn:aws:apigateway:us-east-1::/apikeys/{key.Id}",
            $"arn:aws:apigateway:us-east-1::/usageplans/{plan.Id}",
            $"arn:aws:apigateway:us-east-1::/clientcertificates/{certificate.GetString("clientCertificateId")}",
            $"arn:aws:apigateway:us-east-1::/vpclinks/{link.Id}",
        ];
        foreach (var arn in arns)
        {
            await Client.InvokeAsync("TagResource", new { resourceArn = arn, tags = new Dictionary<string, string> { ["owner"] = "me" } });
            Assert.Equal("me", (await Client.InvokeAsync("GetTags", new { resourceArn = arn }))["tags"].GetProperty("owner").GetString());
        }

        Assert.Equal("1", (await Client.InvokeAsync("GetApiKey", new { apiKey = key.Id }))["tags"].GetProperty("a").GetString());
        Assert.Equal("3", (await Client.InvokeAsync("GetTags", new { resourceArn = arns[3] }))["tags"].GetProperty("c").GetString());
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket", "Invalid resource ARN specified")]
    [InlineData("arn:aws:apigateway:us-east-1::/widgets/abc", "Invalid resource ARN specified")]
    public async Task A_resource_arn_the_service_does_not_tag_is_a_BadRequest(string arn, string expected)
    {
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("TagResource", new { resourceArn = arn, tags = new Dictionary<string, string> { ["a"] = "b" } }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains(expected, error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_resource_is_NotFound_and_an_aws_prefixed_key_is_refused()
    {
        var missing = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("GetTags", new { resourceArn = "arn:aws:apigateway:us-east-1::/restapis/nope000000" }));
        Assert.Equal("NotFoundException", missing.ErrorType);

        var apiId = await CreateApiAsync();
        var reserved = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("TagResource", new { resourceArn = $"arn:aws:apigateway:us-east-1::/restapis/{apiId}", tags = new Dictionary<string, string> { ["aws:owner"] = "x" } }));
        Assert.Contains("Invalid tag key 'aws:owner'", reserved.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_given_on_create_follow_the_same_rules()
    {
        var tooMany = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");
        var error = await Assert.ThrowsAsync<PetardServiceException>(() => Client.InvokeAsync("CreateRestApi", new { name = "tagged", tags = tooMany }));
        Assert.Equal("BadRequestException", error.ErrorType);
        Assert.Contains("at most 50 tags", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Empty(Gateway.Snapshot()["restApis"]!.AsObject());
    }
}
