using System.Text.Json.Nodes;
using Petard.Local.State;

namespace Petard.Local.Operations;

/// <summary>Finds the first method of a rest API that refers to something (a model, an authorizer, a validator), named as the service names it in "is referenced" errors.</summary>
internal static class MethodReferences
{
    /// <summary>"{path}/{httpMethod}" of the first method <paramref name="refersTo"/> accepts, or <c>null</c>.</summary>
    public static string? Find(JsonObject restApi, Func<JsonObject, bool> refersTo)
    {
        foreach (var resource in ResourceTree.Resources(restApi).Select(kv => (JsonObject)kv.Value!))
        {
            foreach (var (httpMethod, method) in resource["resourceMethods"] as JsonObject ?? [])
            {
                if (method is JsonObject stored && refersTo(stored))
                {
                    return $"{resource["path"]}/{httpMethod}";
                }
            }
        }

        return null;
    }
}
