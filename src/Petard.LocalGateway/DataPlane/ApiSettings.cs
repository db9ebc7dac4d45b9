using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane;

/// <summary>
/// The parts of a rest API that a request reads besides its method: authorizers, request
/// validators, models and customized gateway responses. CreateDeployment copies them beside the
/// resources' snapshot, so a change reaches invoke requests at the next deployment, as in AWS.
/// </summary>
internal static class ApiSettings
{
    /// <summary>The rest API's collection of copies, by deployment id.</summary>
    public const string SnapshotCollection = "deploymentSettings";

    private static readonly string[] Collections = ["authorizers", "requestValidators", "models", "gatewayResponses"];

    /// <summary>A copy of the settings; the caller holds the state's gate.</summary>
    public static JsonObject Copy(JsonObject restApi) =>
        new(Collections.Select(name => KeyValuePair.Create(name, (JsonNode?)(restApi[name]?.DeepClone() ?? new JsonObject()))));

    public static JsonObject? Find(Invocation invocation, string collection, string? id) =>
        id is null ? null : invocation.Api[collection]?[id] as JsonObject;
}
