namespace Petard.Local.Tests.DataPlane;

/// <summary>
/// Custom domains over real HTTP: a request to the emulator's port whose Host header is a stored domain
/// name is routed through that domain's base path mappings to the mapped API and stage.
/// </summary>
public sealed class CustomDomainTests : DataPlaneTestBase
{
    private const string Domain = "api.example.com";

    private static string Named(string name) => Api($$"""
          /pets:
        {{Mock("get", $$$"""{"api": "{{{name}}}", "stage": "$context.stage"}""")}}
        """);

    private async Task DomainAsync(string domainName, params (string BasePath, string ApiId, string? Stage)[] mappings)
    {
        await Client.InvokeAsync("CreateDomainName", new { domainName, regionalCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc", endpointConfiguration = new { types = new[] { "REGIONAL" } } });
        foreach (var (basePath, apiId, stage) in mappings)
        {
            await Client.InvokeAsync("CreateBasePathMapping", new { domainName, basePath, restApiId = apiId, stage });
        }
    }

    private Task<Answer> OnDomainAsync(string host, string path) =>
        CallAsync("GET", $"{Gateway.Url}{path.TrimStart('/')}", headers: new Dictionary<string, string> { ["Host"] = host });

    [Fact]
    public async Task Each_base_path_serves_its_mapped_API_and_stage_and_an_unmapped_one_is_403()
    {
        var orders = await DeployAsync(Named("orders"));
        var pets = await DeployAsync(Named("pets"), stage: "prod");
        await DomainAsync(Domain, ("orders", orders, "dev"), ("animals", pets, "prod"));

        var first = await OnDomainAsync(Domain, "/orders/pets");
        var second = await OnDomainAsync("API.Example.com", "/animals/pets?x=1");
        var unmapped = await OnDomainAsync(Domain, "/billing/pets");
        var unknownResource = await OnDomainAsync(Domain, "/orders/cats");

        Assert.Equal((200, "orders", "dev"), (first.Status, (string?)first.Json["api"], (string?)first.Json["stage"]));
        Assert.Equal((200, "pets", "prod"), (second.Status, (string?)second.Json["api"], (string?)second.Json["stage"]));
        Assert.Equal(403, unmapped.Status);
        Assert.Equal("Forbidden", (string?)unmapped.Json["message"]);
        Assert.Equal(403, unknownResource.Status);
        Assert.Equal("Missing Authentication Token", (string?)unknownResource.Json["message"]);
    }

    [Fact]
    public async Task The_empty_base_path_takes_the_whole_domain_and_a_moved_mapping_is_followed()
    {
        var api = await DeployAsync(Named("orders"));
        await Client.InvokeAsync("CreateDeployment", new { restApiId = api, stageName = "prod" });
        await DomainAsync(Domain, ("", api, "dev"));

        var before = await OnDomainAsync(Domain, "/pets");
        await Client.InvokeAsync("UpdateBasePathMapping", new { domainName = Domain, basePath = "(none)", patchOperations = new[] { new { op = "replace", path = "/stage", value = "prod" } } });
        var after = await OnDomainAsync(Domain, "/pets");

        Assert.Equal((200, "dev"), (before.Status, (string?)before.Json["stage"]));
        Assert.Equal((200, "prod"), (after.Status, (string?)after.Json["stage"]));
    }

    [Fact]
    public async Task A_mapping_without_a_stage_takes_the_stage_from_the_path()
    {
        var api = await DeployAsync(Named("orders"), stage: "prod");
        await DomainAsync(Domain, ("orders", api, null));

        var answer = await OnDomainAsync(Domain, "/orders/prod/pets");

        Assert.Equal((200, "prod"), (answer.Status, (string?)answer.Json["stage"]));
    }

    [Fact]
    public async Task A_Host_that_is_no_stored_domain_still_reaches_the_control_plane()
    {
        await DomainAsync(Domain);

        var answer = await CallAsync("GET", $"{Gateway.Url}restapis", headers: new Dictionary<string, string> { ["Host"] = "other.example.com" });

        Assert.Equal(403, answer.Status); // unsigned: refused as the control plane refuses it, not routed to a stage
        Assert.Contains("MissingAuthenticationToken", answer.Header("x-amzn-ErrorType") ?? "", StringComparison.Ordinal);
    }
}
