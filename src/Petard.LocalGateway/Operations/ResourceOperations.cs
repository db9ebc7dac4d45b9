using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Resource CRUD. Methods are stored inside their resource, as the service embeds them.</summary>
internal static class ResourceOperations
{
    public static void Register(OperationTable table)
    {
        table.Add("GetResources", (input, state) =>
            Paging.Page(ResourceTree.Resources(state.RestApi(input.Required("restApiId"))).Select(kv => Present((JsonObject)kv.Value!, input)), input));
        table.Add("GetResource", (input, state) => Present(ResourceTree.Get(state.RestApi(input.Required("restApiId")), input.Required("resourceId")), input));
        table.Add("CreateResource", (input, state) =>
            ResourceTree.Create(state.RestApi(input.Required("restApiId")), input.Required("parentId"), input.Required("pathPart")).DeepClone().AsObject());
        table.Add("DeleteResource", Delete);
        table.Add("UpdateResource", Update);
    }

    /// <summary>A resource as GetResource(s) answers: methods in full only with <c>embed=methods</c>.</summary>
    private static JsonObject Present(JsonObject resource, OperationInput input)
    {
        var answer = resource.DeepClone().AsObject();
        var embed = input.Node("embed") is JsonArray list && list.Any(e => e?.GetValue<string>() == "methods");
        if (!embed && answer["resourceMethods"] is JsonObject methods)
        {
            answer["resourceMethods"] = new JsonObject(methods.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject())));
        }

        return answer;
    }

    private static OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var resource = ResourceTree.Get(restApi, input.Required("resourceId"));
        if (resource["parentId"] is null)
        {
            throw GatewayException.BadRequest("Cannot delete the root resource of a REST API.");
        }

        ResourceTree.Delete(restApi, input.Required("resourceId"));
        return OperationResult.Empty;
    }

    private static OperationResult Update(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var resource = ResourceTree.Get(restApi, input.Required("resourceId"));
        var work = (JsonObject)restApi.DeepClone();
        var target = ResourceTree.Get(work, input.Required("resourceId"));
        foreach (var operation in PatchOperation.Read(input))
        {
            PatchRules.Find("resource", operation);
            if (string.IsNullOrEmpty(operation.Value))
            {
                throw PatchRules.InvalidValue(operation);
            }

            if (resource["parentId"] is null)
            {
                throw GatewayException.BadRequest("The root resource cannot be changed.");
            }

            var parentId = operation.Segments[0] == "parentId" ? operation.Value : target["parentId"]!.GetValue<string>();
            var pathPart = operation.Segments[0] == "pathPart" ? operation.Value : target["pathPart"]!.GetValue<string>();
            if (ResourceTree.IsUnder(work, parentId, target["id"]!.GetValue<string>()))
            {
                throw GatewayException.BadRequest("A resource cannot be moved under itself or one of its descendants.");
            }

            // Re-create the resource under its new name or parent to reuse the sibling checks, then keep its id.
            var resources = ResourceTree.Resources(work);
            resources.Remove(target["id"]!.GetValue<string>());
            var moved = ResourceTree.Create(work, parentId, pathPart);
            resources.Remove(moved["id"]!.GetValue<string>());
            target["parentId"] = parentId;
            target["pathPart"] = pathPart;
            resources[target["id"]!.GetValue<string>()] = target;
            ResourceTree.RefreshPaths(work, target);
        }

        restApi["resources"] = work["resources"]!.DeepClone();
        return Present(ResourceTree.Get(restApi, input.Required("resourceId")), input);
    }
}
