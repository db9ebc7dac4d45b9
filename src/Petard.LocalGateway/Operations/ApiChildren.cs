using System.Text.Json.Nodes;
using Petard.Local.Http;
using Petard.Local.Patching;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>
/// The children of a rest API that live by id and that methods refer to (authorizers, request
/// validators): their reads, patch and delete, which the service refuses while a method refers to one.
/// </summary>
/// <param name="collection">The collection's name in the rest API's tree.</param>
/// <param name="idMember">The request member, and the method's property, that hold the id.</param>
/// <param name="notFound">The message of an unknown id.</param>
/// <param name="inUse">The message of a delete while a method refers to it.</param>
internal sealed class ApiChildren(string collection, string idMember, string notFound, string inUse)
{
    public JsonObject All(JsonObject restApi) => GatewayState.Collection(restApi, collection);

    public JsonObject Get(JsonObject restApi, string id) =>
        All(restApi)[id] as JsonObject ?? throw ServiceErrors.NotFound(notFound);

    /// <summary>Registers the one-item read, the paged list, the patch and the delete.</summary>
    /// <param name="table">The operation table.</param>
    /// <param name="kind">The operations' noun, e.g. <c>Authorizer</c>.</param>
    /// <param name="rules">The patch paths.</param>
    /// <param name="check">Rules the patched child must still follow.</param>
    public void Register(OperationTable table, string kind, PatchRules rules, Action<JsonObject>? check = null)
    {
        table.Add($"Get{kind}", (input, state) => Get(state.RestApi(input.Required("restApiId")), input.Required(idMember)).DeepClone().AsObject());
        table.Add($"Get{kind}s", (input, state) => Paging.Page(All(state.RestApi(input.Required("restApiId"))).Select(kv => kv.Value!), input));
        table.Add($"Update{kind}", (input, state) =>
        {
            var restApi = state.RestApi(input.Required("restApiId"));
            var id = input.Required(idMember);
            var updated = rules.Apply(Get(restApi, id), PatchOperation.Read(input));
            check?.Invoke(updated);
            All(restApi)[id] = updated;
            return updated.DeepClone().AsObject();
        });
        table.Add($"Delete{kind}", Delete);
    }

    private OperationResult Delete(OperationInput input, GatewayState state)
    {
        var restApi = state.RestApi(input.Required("restApiId"));
        var id = input.Required(idMember);
        var child = Get(restApi, id);
        if (MethodReferences.Find(restApi, m => m[idMember]?.GetValue<string>() == id) is { } method)
        {
            throw ServiceErrors.BadRequest(inUse, ("name", child["name"]?.GetValue<string>() ?? id), ("method", method));
        }

        All(restApi).Remove(id);
        return OperationResult.Empty;
    }
}
