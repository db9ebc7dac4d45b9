using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Steps;

/// <summary>
/// The method request: required request parameters declared with a request validator must be
/// present, as the service checks them before any integration runs.
/// </summary>
internal sealed class MethodRequestStep : IInvocationStep
{
    public Task RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.Method!;
        if (method["requestValidatorId"] is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (name, required) in method["requestParameters"] as JsonObject ?? [])
        {
            if (required is JsonValue flag && flag.TryGetValue(out bool isRequired) && isRequired && ParameterMapping.Resolve(name, invocation) is null)
            {
                var kind = name.Split('.')[2];
                throw new GatewayResponseException(
                    "BAD_REQUEST_PARAMETERS", 400, $"Missing required request parameters: [{name[(name.LastIndexOf('.') + 1)..]}]", $"Required {kind} parameter missing: {name}");
            }
        }

        return Task.CompletedTask;
    }
}
