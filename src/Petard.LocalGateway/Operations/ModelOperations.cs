using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;
using Petard.Model;

namespace Petard.Local.Operations;

/// <summary>Models (JSON schemas) of a rest API, keyed by name.</summary>
internal static class ModelOperations
{
    private static readonly PatchRules Rules = PatchRules.For("model");

    public static void Register(OperationTable table)
    {
        table.Add("CreateModel", Create);
        table.Add("GetModel", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required("modelName")).DeepClone().AsObject());
        table.Add("GetModels", (input, state) => Paging.Page(Models(state.RestApi(input.Required("restApiId"))).Select(kv => kv.Value!), input));
        table.Add("UpdateModel", Update);
        table.Add("DeleteModel", Delete);
        table.Add("GetModelTemplate", (input, state) =>
            new JsonObject { ["value"] = ModelTemplate.Generate(Get(state.RestApi(input.Required("restApiId")), input.Required("modelName"))["schema"]?.GetValue<string>()) });
    }

    private static JsonObject Models(JsonObject restApi) => GatewayState.Collection(restApi, "models");

    /// <summary>Gives a new REST API the models the service creates with it (the customizations' <c>defaultModels</c>: Empty, Error).</summary>
    public static void AddDefaults(JsonObject restApi)
    {
        var models = Models(restApi);
        foreach (var (name, text) in ServiceRules.Default.DefaultModels)
        {
            var model = JsonNode.Parse(text)!.AsObject();
            model["id"] = NewId(models);
            model["name"] = name;
            models[name] = model;
        }
    }

    private static string NewId(JsonObject models) =>
        IdGenerator.Unique(IdGenerator.ShortId, id => models.Any(m => m.Value?["id"]?.GetValue<string>() == id));

    private static JsonObject Get(JsonObject restApi, string name) =>
        Models(restApi)[name] as JsonObject ?? throw GatewayException.NotFound("Invalid model name specified: " + name);

    private static OperationResult Create(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var name = input.Required("name");
        if (!name.All(char.IsAsciiLetterOrDigit))
        {
            throw GatewayException.BadRequest($"Model name must be alphanumeric: '{name}'.");
        }

        var models = Models(restApi);
        if (models.ContainsKey(name))
        {
            throw GatewayException.Conflict("Model name already exists for this REST API");
        }

        var model = new JsonObject
        {
            ["id"] = NewId(models),
            ["name"] = name,
            ["contentType"] = input.Required("contentType"),
        };
        Stored.Copy(input, model, "description", "schema");
        models[name] = model;
        return model.DeepClone().AsObject();
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var name = input.Required("modelName");
        var updated = Rules.Apply(Get(restApi, name), PatchOperation.Read(input));
        Models(restApi)[name] = updated;
        return updated.DeepClone().AsObject();
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var name = input.Required("modelName");
        Get(restApi, name);
        var method = MethodReferences.Find(restApi, m => m["requestModels"] is JsonObject models && models.Any(r => r.Value?.GetValue<string>() == name));
        if (method is not null)
        {
            throw GatewayException.BadRequest($"Cannot delete model '{name}', is referenced in method request: {method}");
        }

        Models(restApi).Remove(name);
        return OperationResult.Empty;
    }
}
