using Petard.Local;
using Petard.Local.Faults;
using Petard.Workflows;

namespace Petard.Reliability.Tests.Infrastructure;

/// <summary>
/// An in-process emulator on 127.0.0.1, OpenAPI files to deploy, and bookkeeping of the faults
/// scripted into it, so a test can tell how many it actually dealt.
/// </summary>
public abstract class GatewayScenario : IAsyncLifetime, IDisposable
{
    private readonly List<(FaultRule Rule, int Count)> scripted = [];
    private readonly StringWriter requestLog = new();

    internal Apis Apis { get; } = new();

    internal LocalGateway Gateway { get; private set; } = null!;

    /// <summary>The emulator's options; override to enforce the CreateDeployment quota.</summary>
    internal virtual LocalGatewayOptions GatewayOptions => new();

    public virtual async Task InitializeAsync()
    {
        var options = GatewayOptions;
        options.ControlPlaneLog ??= requestLog;
        Gateway = await LocalGateway.StartAsync(options);
    }

    public virtual async Task DisposeAsync() => await Gateway.DisposeAsync();

    public void Dispose()
    {
        Apis.Dispose();
        requestLog.Dispose();
    }

    /// <summary>How many requests the emulator answered with a 5xx so far (from its request log), scripted faults included.</summary>
    internal int ServerErrorsAnswered => System.Text.RegularExpressions.Regex.Count(requestLog.ToString(), @"(?m) 5\d\d \d+ ms\r?$");

    /// <summary>Scripts faults into the emulator and remembers them.</summary>
    internal void Inject(params FaultRule[] rules)
    {
        foreach (var rule in rules)
        {
            scripted.Add((rule, rule.Remaining));
            Gateway.Faults.Add(rule);
        }
    }

    /// <summary>How many faulted answers (throttles, errors, dropped connections) the scripted rules dealt so far; delays not counted.</summary>
    internal int FaultsDealt => Dealt(latency: false);

    /// <summary>How many answers the scripted latency rules delayed so far.</summary>
    internal int DelaysDealt => Dealt(latency: true);

    /// <summary>The requests the emulator had received when the state was last read (the reads not counted).</summary>
    internal int RequestsReceived { get; private set; }

    private int Dealt(bool latency) => scripted.Where(s => (s.Rule.Kind == FaultKind.Latency) == latency).Sum(s => s.Count - s.Rule.Remaining);

    internal PetardClient Client(PetardRetryOptions? retry = null, PetardPacingOptions? pacing = null, HttpMessageHandler? handler = null) =>
        Clients.Create(Gateway.Url, retry, pacing, handler: handler);

    internal static DeployApiRequest Request(string name, string openApiFile, string stage = "dev", IDictionary<string, string>? variables = null) => new()
    {
        RestApi = { Name = name },
        Import = { OpenApiFile = openApiFile },
        Stage = { Name = stage, Variables = variables ?? new Dictionary<string, string> { ["release"] = "r1" } },
    };

    /// <summary>A plain deploy with no fault in the way, to set up the state a test starts from.</summary>
    internal async Task<WorkflowResult> DeployCleanlyAsync(DeployApiRequest request)
    {
        using var client = Client();
        return await new PetardDeployer(client).DeployApiAsync(request);
    }

    /// <summary>Reads the state behind the faults: the rules are cleared first.</summary>
    internal async Task<ApiState> ReadStateAsync(string restApiId, string stage = "dev")
    {
        RequestsReceived = Gateway.Calls.Count;
        Gateway.Faults.Clear();
        using var client = Client();
        var stageResource = await client.InvokeAsync("GetStage", new { restApiId, stageName = stage });
        var deployments = await client.PaginateAsync("GetDeployments", new { restApiId }).ToListAsync();
        var resources = await client.PaginateAsync("GetResources", new { restApiId }).ToListAsync();
        var apis = await client.PaginateAsync("GetRestApis").ToListAsync();
        var variables = stageResource["variables"].ValueKind == System.Text.Json.JsonValueKind.Object
            ? stageResource["variables"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];
        return new ApiState(
            stageResource.GetString("deploymentId"),
            variables,
            deployments.Select(d => d.GetString("description") ?? "").ToList(),
            resources.Select(r => r.GetString("path") ?? "").ToList(),
            apis.Count);
    }
}

/// <summary>What the emulator holds for one API and stage.</summary>
internal sealed record ApiState(string? StageDeploymentId, Dictionary<string, string> Variables, List<string> DeploymentDescriptions, List<string> ResourcePaths, int RestApiCount);
