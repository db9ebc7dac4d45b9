using System.Text.Json.Nodes;
using Petard.Local.Http;

namespace Petard.Local.Operations;

/// <summary>Small moves every resource kind makes on its stored JSON.</summary>
internal static class Stored
{
    /// <summary>A child object, or NotFoundException with the service's message.</summary>
    public static JsonObject Child(JsonObject parent, string name, string notFound) =>
        parent[name] as JsonObject ?? throw GatewayException.NotFound(notFound);

    /// <summary>Deletes a child object, or NotFoundException when there is none.</summary>
    public static OperationResult Remove(JsonObject parent, string name, string notFound)
    {
        Child(parent, name, notFound);
        parent.Remove(name);
        return OperationResult.Empty;
    }

    /// <summary>Copies optional members as the caller sent them.</summary>
    public static void Copy(OperationInput input, JsonObject target, params string[] names)
    {
        foreach (var name in names)
        {
            if (input.Node(name) is { } value)
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
