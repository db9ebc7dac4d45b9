using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.OpenApi;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// GetExport: the API as deployed to a stage, as OpenAPI 3 or Swagger 2, JSON or YAML by the Accept
/// header, with the service's headers: <c>Content-Type</c> the accepted type (<c>application/octet-stream</c>
/// when the request accepts anything, as the service answers the CLI) and <c>Content-Disposition</c>
/// naming the file <c>{exportType}_{version}.json</c> (the API's version, else its creation time).
/// <c>extensions</c> names what the service adds: <c>integrations</c> (or <c>apigateway</c>) the
/// API Gateway extensions, <c>documentation</c> the stage's documentation version.
/// </summary>
internal static class ExportOperations
{
    private const string OctetStream = "application/octet-stream";

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

        var (yaml, contentType) = Accepted(input.String("accepts"));
        var extensions = input.Map("parameters")?["extensions"]?.GetValue<string>() ?? string.Empty;
        var requested = extensions.Split(',').Select(e => e.Trim()).ToList();
        var withIntegrations = requested.Any(e => e is "integrations" or "apigateway");
        var deploymentId = stage["deploymentId"]!.GetValue<string>();
        var resources = GatewayState.Collection(restApi, "deploymentSnapshots")[deploymentId] as JsonObject ?? ResourceTree.Resources(restApi);
        var api = (JsonObject)restApi["api"]!;
        var document = OpenApiExporter.Export(api, resources, GatewayState.Collection(restApi, DataPlane.ApiSettings.SnapshotCollection)[deploymentId] as JsonObject ?? DataPlane.ApiSettings.Copy(restApi), stage["stageName"]!.GetValue<string>(), exportType, withIntegrations, region);

        if (requested.Contains("documentation") && DocumentationOperations.Published(restApi, stage) is { } documentation)
        {
            document[OpenApiExtensions.Documentation] = documentation;
        }

        var text = yaml ? YamlJson.Write(document) : document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var disposition = $"attachment; filename=\"{exportType}_{OpenApiExporter.Version(api)}.{(yaml ? "yaml" : "json")}\"";
        return new OperationResult(null, Encoding.UTF8.GetBytes(text), contentType, disposition);
    }

    // The first type of the Accept header decides: JSON, YAML, or anything (JSON sent as octet-stream).
    private static (bool Yaml, string ContentType) Accepted(string? accepts)
    {
        var accept = (accepts ?? string.Empty).Split(',')[0].Split(';')[0].Trim();
        return accept switch
        {
            "application/json" => (false, accept),
            "application/yaml" or "application/x-yaml" or "text/yaml" => (true, "application/yaml"),
            "" or "*/*" => (false, OctetStream),
            _ => throw ServiceErrors.BadRequest("exportAcceptNotSupported", ("value", accept)),
        };
    }
}
