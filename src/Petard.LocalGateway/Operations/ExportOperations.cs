using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.OpenApi;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>GetExport: the API as deployed to a stage, as OpenAPI 3 or Swagger 2, JSON or YAML by the Accept header.</summary>
internal static class ExportOperations
{
    public static void Register(OperationTable table, string region) =>
        table.Add("GetExport", (input, state) => Export(input, state, region));

    private static OperationResult Export(OperationInput input, GatewayState state, string region)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var stage = StageOperations.Get(restApi, input.Required("stageName"));
        var exportType = input.Required("exportType");
        if (exportType is not ("oas30" or "swagger"))
        {
            throw GatewayException.BadRequest($"Export type '{exportType}' is not supported by Petard.LocalGateway; use oas30 or swagger.");
        }

        var accept = (input.String("accepts") ?? "application/json").Split(',')[0].Split(';')[0].Trim();
        var yaml = accept is "application/yaml" or "application/x-yaml" or "text/yaml";
        if (!yaml && accept is not ("application/json" or "*/*" or ""))
        {
            throw GatewayException.BadRequest($"Unsupported Accept '{accept}' for GetExport: use application/json or application/yaml.");
        }

        var extensions = input.Map("parameters")?["extensions"]?.GetValue<string>() ?? string.Empty;
        var withIntegrations = extensions.Split(',').Any(e => e.Trim() is "integrations" or "apigateway");
        var deploymentId = stage["deploymentId"]!.GetValue<string>();
        var resources = GatewayState.Collection(restApi, "deploymentSnapshots")[deploymentId] as JsonObject ?? ResourceTree.Resources(restApi);
        var document = OpenApiExporter.Export((JsonObject)restApi["api"]!, resources, GatewayState.Collection(restApi, DataPlane.ApiSettings.SnapshotCollection)[deploymentId] as JsonObject ?? DataPlane.ApiSettings.Copy(restApi), stage["stageName"]!.GetValue<string>(), exportType, withIntegrations, region);

        var text = yaml ? YamlJson.Write(document) : document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return new OperationResult(null, Encoding.UTF8.GetBytes(text), yaml ? "application/yaml" : "application/json");
    }
}
