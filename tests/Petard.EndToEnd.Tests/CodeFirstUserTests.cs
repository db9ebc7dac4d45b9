using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Petard.EndToEnd.Tests.Infrastructure;
using GatewayHost = Petard.Local.LocalGateway;

namespace Petard.EndToEnd.Tests;

/// <summary>
/// Code-first as a .NET team meets it: a fresh ASP.NET Core project outside the repository with
/// Microsoft.AspNetCore.OpenApi, Microsoft.Extensions.ApiDescription.Server (10.0.15, from the NuGet
/// source) and the packed Petard.Build; real `dotnet build -t:DeployApi` processes against the emulator.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class CodeFirstUserTests(PackedFeed feed) : IAsyncLifetime
{
    private static readonly string[] Writes = ["ImportRestApi", "PutRestApi", "UpdateRestApi", "CreateDeployment", "CreateStage", "UpdateStage"];

    private GatewayHost gateway = null!;

    public async Task InitializeAsync() => gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task The_apps_own_routes_deploy_with_integrations_redeploy_only_on_change_and_a_route_without_one_fails_with_PETARD1030()
    {
        var app = WriteWebApp("OrdersApp");

        // 1. The app's generated document, converted to 3.0, with http_proxy integrations.
        var first = await DeployAsync(app);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("GenerateOpenApiDocuments:", first.Output, StringComparison.Ordinal);
        var restApiId = gateway.Snapshot()["restApis"]!.AsObject().Single().Key;
        var paths = await ExportedPathsAsync(restApiId);
        Assert.Equal(["/health", "/orders", "/orders/{id}"], paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        var getOrder = paths["/orders/{id}"]!["get"]!["x-amazon-apigateway-integration"]!;
        Assert.Equal(("http_proxy", "GET", "http://${stageVariables.backend}/orders/{id}"), (Text(getOrder["type"]), Text(getOrder["httpMethod"]), Text(getOrder["uri"])));
        Assert.Equal("method.request.path.id", Text(getOrder["requestParameters"]!["integration.request.path.id"]));
        Assert.Equal("mock", Text(paths["/health"]!["get"]!["x-amazon-apigateway-integration"]!["type"]));
        var deployed = Path.Combine(app, "obj", "Debug", "net10.0", "petard", "OrdersApp.deployed.json");
        Assert.Contains($"PetardDeployedDocument={deployed}", first.Output, StringComparison.Ordinal);
        Assert.Equal("3.0.3", Text(JsonNode.Parse(File.ReadAllText(deployed))!["openapi"]));
        Assert.DoesNotContain("warning PETARD", first.Output, StringComparison.Ordinal); // what ASP.NET Core generates loses nothing

        // 2. Unchanged: reads only.
        gateway.Calls.Clear();
        var second = await DeployAsync(app);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain(gateway.Calls, Writes.Contains);

        // 3. A new route in code: the assembly changed, the document is generated again and deployed.
        File.AppendAllText(Path.Combine(app, "Routes.cs"), "public static class More { public static void Map(WebApplication app) => app.MapGet(\"/orders/{id}/status\", (int id) => \"open\"); }\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), File.ReadAllText(Path.Combine(app, "Program.cs")).Replace("app.Run();", "More.Map(app);\napp.Run();", StringComparison.Ordinal));
        gateway.Calls.Clear();
        var third = await DeployAsync(app);

        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("PutRestApi", gateway.Calls);
        Assert.Contains("/orders/{id}/status", (await ExportedPathsAsync(restApiId)).Select(p => p.Key));

        // 4. Without the integration type, the routes without an integration fail the build before any call.
        gateway.Calls.Clear();
        var fourth = await DeployAsync(app, "-p:PetardIntegrationType=");

        Assert.NotEqual(0, fourth.ExitCode);
        Assert.Contains("error PETARD1030: 3 operation(s) of OrdersApp.json have no integration, so API Gateway would refuse to deploy them: GET /orders/{id}, POST /orders, GET /orders/{id}/status.", fourth.Output, StringComparison.Ordinal);
        Assert.Contains("OrdersApp.csproj", fourth.Output.Split('\n').First(l => l.Contains("error PETARD1030", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(gateway.Calls);
    }

    [Fact]
    public async Task The_OrdersApi_sample_answers_through_the_gateways_invoke_URL()
    {
        var sample = feed.CopyFromRepo(Path.Combine("samples", "OrdersApi"));
        var port = FreePort();

        var deploy = await DeployAsync(sample, $"-p:PetardBuildVersion={feed.Version}", $"-p:OrdersBackend=127.0.0.1:{port}");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        var invokeUrl = Regex.Match(deploy.Output, @"http://127\.0\.0\.1:\d+/restapis/\w+/dev/_user_request_").Value;
        Assert.False(string.IsNullOrEmpty(invokeUrl), deploy.Output);
        using var app = Process.Start(new ProcessStartInfo(ProcessRunner.Dotnet, [Path.Combine("bin", "Debug", "net10.0", "OrdersApi.dll"), "--urls", $"http://127.0.0.1:{port}"]) { WorkingDirectory = sample })!;
        try
        {
            using var http = new HttpClient();
            await WaitUntilAnswersAsync(http, new Uri($"http://127.0.0.1:{port}/health"));

            var order = await http.GetStringAsync(new Uri(invokeUrl + "/orders/1"));
            using var created = await http.PostAsync(new Uri(invokeUrl + "/orders"), new StringContent("""{"item":"ink","quantity":3}""", Encoding.UTF8, "application/json"));
            using var health = await http.GetAsync(new Uri(invokeUrl + "/health"));

            Assert.Equal("""{"id":1,"item":"fountain pen","quantity":2,"note":null}""", order);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("""{"id":2,"item":"ink","quantity":3,"note":null}""", await created.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // the gateway's mock, not the app
        }
        finally
        {
            app.Kill(entireProcessTree: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAnswersAsync(HttpClient http, Uri url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var answer = await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<JsonObject> ExportedPathsAsync(string restApiId)
    {
        using var client = PetardClient.Create(new PetardClientOptions { EndpointUrl = gateway.Url, Region = "us-east-1", Credentials = new Amazon.Runtime.BasicAWSCredentials("petard-e2e", "petard-e2e-secret") });
        var export = await client.InvokeAsync("GetExport", new { restApiId, stageName = "dev", exportType = "oas30", parameters = new Dictionary<string, string> { ["extensions"] = "integrations" } });
        return JsonNode.Parse(export.Body!.Value.Span)!["paths"]!.AsObject();
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    /// <summary>A minimal API as `dotnet new webapi` makes it, written by hand (no templates offline), with Petard.Build and the generator.</summary>
    private string WriteWebApp(string name)
    {
        var app = Path.Combine(feed.Root, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="petard-e2e" value="{feed.Feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="petard-e2e"><package pattern="Petard.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, name + ".csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <PetardRestApiName>{{name}}</PetardRestApiName>
                <PetardStageName>dev</PetardStageName>
                <PetardIntegrationType>http_proxy</PetardIntegrationType>
                <PetardIntegrationUri>http://${stageVariables.backend}</PetardIntegrationUri>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="10.0.15" />
                <PackageReference Include="Microsoft.Extensions.ApiDescription.Server" Version="10.0.15" PrivateAssets="all" />
                <PackageReference Include="Petard.Build" Version="{{feed.Version}}" PrivateAssets="all" />
              </ItemGroup>
              <ItemGroup>
                <PetardStageVariable Include="backend" Value="127.0.0.1:5000" />
                <PetardIntegration Include="GET /health" Type="mock" />
              </ItemGroup>
              <Target Name="ShowDeployedDocument" AfterTargets="DeployApi">
                <Message Importance="high" Text="PetardDeployedDocument=$(PetardDeployedDocument)" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOpenApi();
            var app = builder.Build();
            app.MapOpenApi();
            app.MapGet("/orders/{id}", (int id) => new Order(id, "pen", null));
            app.MapPost("/orders", (Order order) => Results.Created($"/orders/{order.Id}", order));
            app.MapGet("/health", () => "ok");
            app.Run();

            public record Order(int Id, string Item, string? Note);
            """);
        File.WriteAllText(Path.Combine(app, "Routes.cs"), "");
        return app;
    }

    private Task<ProcessResult> DeployAsync(string app, params string[] more) =>
        ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            ["build", "--disable-build-servers", "-t:DeployApi", $"-p:PetardEndpointUrl={gateway.Url}", "-p:NuGetAudit=false", .. more],
            app,
            feed.Environment,
            TimeSpan.FromMinutes(5));
}
