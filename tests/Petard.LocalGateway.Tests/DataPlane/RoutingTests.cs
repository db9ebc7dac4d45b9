namespace Petard.Local.Tests.DataPlane;

/// <summary>Routing as API Gateway routes: literal before {param} before {proxy+}, the method before ANY; unknown routes answer as the service.</summary>
public sealed class RoutingTests : DataPlaneTestBase
{
    private static readonly string RoutedApi = Api($"""
          /:
        {Mock("get", """{"route": "root"}""")}
          /pets:
        {Mock("get", """{"route": "pets-list"}""")}
        {Mock("post", """{"route": "pets-create"}""")}
          /pets/mine:
        {Mock("get", """{"route": "pets-literal"}""")}
          /pets/{"{"}id{"}"}:
        {Mock("get", """{"route": "pets-param"}""")}
          /pets/{"{"}id{"}"}/toys:
        {Mock("x-amazon-apigateway-any-method", """{"route": "toys-any"}""")}
        {Mock("get", """{"route": "toys-get"}""")}
          /{"{"}proxy+{"}"}:
        {Mock("x-amazon-apigateway-any-method", """{"route": "greedy"}""")}
        """);

    [Theory]
    [InlineData("GET", "/", "root")]
    [InlineData("GET", "/pets", "pets-list")]
    [InlineData("POST", "/pets", "pets-create")]
    [InlineData("GET", "/pets/mine", "pets-literal")]
    [InlineData("GET", "/pets/42", "pets-param")]
    [InlineData("GET", "/pets/42/toys", "toys-get")]
    [InlineData("DELETE", "/pets/42/toys", "toys-any")]
    [InlineData("GET", "/stores/7/shelves", "greedy")]
    [InlineData("PUT", "/orders", "greedy")]
    public async Task A_request_reaches_the_most_specific_route(string method, string path, string route)
    {
        var apiId = await DeployAsync(RoutedApi);

        var answer = await CallAsync(method, InvokeUrl(apiId, path));

        Assert.Equal(200, answer.Status);
        Assert.Equal(route, answer.Json["route"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/nothing/here")]
    [InlineData("DELETE", "/pets")]
    [InlineData("GET", "/pets/1/2/3")]
    public async Task An_unknown_resource_or_method_is_403_Missing_Authentication_Token(string method, string path)
    {
        var apiId = await DeployAsync(Api($"""
              /pets:
            {Mock("get", """{"route": "pets-list"}""")}
              /pets/{"{"}id{"}"}:
            {Mock("get", """{"route": "pets-param"}""")}
            """));

        var answer = await CallAsync(method, InvokeUrl(apiId, path));

        Assert.Equal(403, answer.Status);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", answer.Body);
        Assert.Equal("MissingAuthenticationTokenException", answer.Header("x-amzn-ErrorType"));
    }

    [Theory]
    [InlineData("unknown-stage")]
    [InlineData("unknown-api")]
    public async Task An_unknown_stage_or_api_is_403_Forbidden(string what)
    {
        var apiId = await DeployAsync(Api($"""
              /pets:
            {Mock("get", """{"route": "pets-list"}""")}
            """));
        var url = what == "unknown-stage" ? InvokeUrl(apiId, "/pets", stage: "prod") : InvokeUrl("nosuchapi1", "/pets");

        var answer = await CallAsync("GET", url);

        Assert.Equal(403, answer.Status);
        Assert.Equal("""{"message":"Forbidden"}""", answer.Body);
    }

    [Fact]
    public async Task A_change_is_live_only_after_a_new_deployment()
    {
        var apiId = await DeployAsync(Api($"""
              /pets:
            {Mock("get", """{"version": 1}""")}
            """));
        await Client.InvokeAsync("PutRestApi", new { restApiId = apiId, mode = "overwrite", body = Api($"""
              /pets:
            {Mock("get", """{"version": 2}""")}
            """) });

        var before = await CallAsync("GET", InvokeUrl(apiId, "/pets"));
        await Client.InvokeAsync("CreateDeployment", new { restApiId = apiId, stageName = "dev" });
        var after = await CallAsync("GET", InvokeUrl(apiId, "/pets"));

        Assert.Equal(1, before.Json["version"]!.GetValue<int>());
        Assert.Equal(2, after.Json["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_control_plane_still_answers_beside_the_data_plane()
    {
        var apiId = await DeployAsync(Api($"""
              /pets:
            {Mock("get", """{"route": "pets-list"}""")}
            """));

        var stage = await Client.InvokeAsync("GetStage", new { restApiId = apiId, stageName = "dev" });

        Assert.Equal("dev", stage.GetString("stageName"));
    }
}
