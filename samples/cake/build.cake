// Deploys samples/HelloApi with the Cake.Petard addin: the same workflow as `dotnet build -t:DeployApi`.
// Run it with `dotnet cake samples/cake/build.cake`. Region, credentials and endpoint follow the AWS
// conventions (AWS_REGION, AWS_PROFILE, ...); to try it on the local emulator, set
// AWS_ENDPOINT_URL_API_GATEWAY=http://127.0.0.1:4567 (`dotnet cake --target=Demo` at the top does it all).
//
// The version is a deployment trigger, as in HelloApi.csproj ($(Version), 1.0.0 by default): the same
// file and version make the same fingerprint, so right after the MSBuild deploy this one changes nothing.
#addin nuget:?package=Cake.Petard&version=0.1.0

var result = PetardDeployApi(new PetardDeployApiSettings { RestApiName = "HelloApi", StageName = Argument("stage", "dev"), OpenApiFile = "../HelloApi/openapi.yaml" }.WithTrigger(Argument("version", "1.0.0")));
Information("Stage '{0}' of REST API {1} is live at {2}", result.StageName, result.RestApiId, result.InvokeUrl);

// The invoke URL answers, on AWS as on the local emulator: call the sample's route.
using (var http = new System.Net.Http.HttpClient())
{
    var hello = http.GetStringAsync(result.InvokeUrl.TrimEnd('/') + "/hello").GetAwaiter().GetResult();
    Information("GET {0}/hello answered {1}", result.InvokeUrl.TrimEnd('/'), hello);
}
