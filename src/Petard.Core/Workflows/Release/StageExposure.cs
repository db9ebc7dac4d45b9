using System.Text.Json.Nodes;
using System.Text.Json;

namespace Petard.Workflows;

/// <summary>
/// Attaches the stage to its usage plans and maps it on its custom domain, after the stage exists
/// (the service refuses a plan for a stage it does not know yet). Adds and updates only: another
/// stage of a plan, or another API's mapping, is never touched.
/// </summary>
internal sealed class StageExposure(WorkflowRun run, string restApiId, string stageName)
{
    public async Task EnsureAsync(ExposureSpec spec, CancellationToken cancellationToken)
    {
        if (spec.GivenUsagePlans.Count > 0)
        {
            await AttachUsagePlansAsync(spec, cancellationToken).ConfigureAwait(false);
        }

        if (OptionalText.Of(spec.DomainName) is { } domainName)
        {
            await MapAsync(domainName, spec.WireBasePath, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads only: where the stage is no longer exposed as declared (a declared plan it is not attached to, a
    /// declared method throttle that differs, the declared base path mapping missing or pointing elsewhere).
    /// Plans and domains that do not exist are left to the deploy's own errors.
    /// </summary>
    public async Task<IReadOnlyList<string>> DriftAsync(ExposureSpec spec, CancellationToken cancellationToken)
    {
        var drift = new List<string>();
        if (spec.GivenUsagePlans.Count > 0)
        {
            var plans = await AllPages.ReadAsync(run, "GetUsagePlans", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
            foreach (var wanted in spec.GivenUsagePlans)
            {
                var plan = plans.FirstOrDefault(p => p.Id == wanted) ?? plans.SingleOrDefault(p => p.GetString("name") == wanted);
                var name = $"usage plan '{plan?.GetString("name")}' ({plan?.Id})";
                if (plan is null)
                {
                    continue;
                }

                if (StageOf(plan) is not { } attached)
                {
                    drift.Add($"stage '{stageName}' is not attached to {name}, which the build declares");
                    continue;
                }

                drift.AddRange(spec.ThrottlesOf(wanted).Where(t => !t.IsOn(attached)).Select(t => $"the throttle of {t.Key} in {name} differs from the declared {t}"));
            }
        }

        if (OptionalText.Of(spec.DomainName) is { } domainName
            && await run.SendOrNullAsync("GetBasePathMapping", new JsonObject { ["domainName"] = domainName, ["basePath"] = spec.WireBasePath }, cancellationToken).ConfigureAwait(false) is var mapping
            && (mapping is null ? await run.SendOrNullAsync("GetDomainName", new JsonObject { ["domainName"] = domainName }, cancellationToken).ConfigureAwait(false) is not null : mapping.GetString("restApiId") != restApiId || mapping.GetString("stage") != stageName))
        {
            drift.Add(mapping is null
                ? $"https://{domainName}/{Shown(spec.WireBasePath)} is not mapped, though the build maps it to stage '{stageName}'"
                : $"https://{domainName}/{Shown(spec.WireBasePath)} maps REST API {mapping.GetString("restApiId")} stage '{mapping.GetString("stage")}', not this stage");
        }

        return drift;
    }

    private async Task AttachUsagePlansAsync(ExposureSpec spec, CancellationToken cancellationToken)
    {
        var plans = await AllPages.ReadAsync(run, "GetUsagePlans", new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        var apiStage = $"{restApiId}:{stageName}";
        foreach (var wanted in spec.GivenUsagePlans)
        {
            var plan = plans.FirstOrDefault(p => p.Id == wanted) ?? Named(plans, wanted);
            var attached = StageOf(plan);
            var throttles = spec.ThrottlesOf(wanted).Where(t => attached is not { } entry || !t.IsOn(entry)).ToList();
            if (attached is not null && throttles.Count == 0)
            {
                run.Log.Info($"Usage plan '{plan.GetString("name")}' ({plan.Id}) already has stage '{stageName}'{(spec.ThrottlesOf(wanted).Count > 0 ? " with its method throttles" : "")}.");
                continue;
            }

            // One call: the stage is added first in the same patch, so its throttles have an entry to go to.
            var patches = new JsonArray();
            if (attached is null)
            {
                patches.Add((JsonNode)new JsonObject { ["op"] = "add", ["path"] = "/apiStages", ["value"] = apiStage });
            }

            foreach (var patch in throttles.SelectMany(t => t.Patches(apiStage)))
            {
                patches.Add((JsonNode)patch);
            }

            var what = string.Join(", ", [.. attached is null ? [$"attached stage '{stageName}'"] : Array.Empty<string>(), .. throttles.Select(t => $"throttle {t}")]);
            await run.WriteAsync(
                "UpdateUsagePlan",
                new JsonObject { ["usagePlanId"] = plan.Id, ["patchOperations"] = patches },
                $"usage plan '{plan.GetString("name")}' ({plan.Id}): {what}",
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The plan's entry for this stage, or null when the stage is not attached.</summary>
    private JsonElement? StageOf(Resource plan) =>
        plan["apiStages"] is { ValueKind: JsonValueKind.Array } stages
            ? stages.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.TryGetProperty("apiId", out var api) && api.GetString() == restApiId && s.Value.TryGetProperty("stage", out var stage) && stage.GetString() == stageName)
            : null;

    private static Resource Named(List<Resource> plans, string name)
    {
        var named = plans.Where(p => p.GetString("name") == name).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw PetardErrors.UsagePlanNotFound(name),
            _ => throw PetardErrors.UsagePlanAmbiguous(name, named.Select(p => p.Id)),
        };
    }

    private async Task MapAsync(string domainName, string basePath, CancellationToken cancellationToken)
    {
        _ = await run.SendOrNullAsync("GetDomainName", new JsonObject { ["domainName"] = domainName }, cancellationToken).ConfigureAwait(false)
            ?? throw PetardErrors.DomainNameNotFound(domainName);
        var mappings = await AllPages.ReadAsync(run, "GetBasePathMappings", new Dictionary<string, object?> { ["domainName"] = domainName }, cancellationToken).ConfigureAwait(false);
        var current = mappings.FirstOrDefault(m => m.GetString("basePath") == basePath);
        if (current is null)
        {
            CheckRoot(domainName, basePath, mappings);
            await run.WriteAsync(
                "CreateBasePathMapping",
                new JsonObject { ["domainName"] = domainName, ["basePath"] = basePath == ExposureSpec.RootBasePath ? "" : basePath, ["restApiId"] = restApiId, ["stage"] = stageName },
                $"mapped https://{domainName}/{Shown(basePath)} to stage '{stageName}'",
                cancellationToken).ConfigureAwait(false);
            return;
        }

        if (current.GetString("restApiId") != restApiId)
        {
            throw PetardErrors.BasePathTaken(domainName, basePath, current.GetString("restApiId"), current.GetString("stage"));
        }

        if (current.GetString("stage") == stageName)
        {
            run.Log.Info($"https://{domainName}/{Shown(basePath)} already maps stage '{stageName}'.");
            return;
        }

        await run.WriteAsync(
            "UpdateBasePathMapping",
            new JsonObject { ["domainName"] = domainName, ["basePath"] = basePath, ["patchOperations"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/stage", ["value"] = stageName }) },
            $"moved https://{domainName}/{Shown(basePath)} from stage '{current.GetString("stage")}' to '{stageName}'",
            cancellationToken).ConfigureAwait(false);
    }

    // The root mapping takes the whole domain: it cannot stand beside any other mapping.
    private static void CheckRoot(string domainName, string basePath, List<Resource> mappings)
    {
        var others = mappings.Select(m => m.GetString("basePath")).OfType<string>().ToList();
        if (others.Count > 0 && (basePath == ExposureSpec.RootBasePath || others.Contains(ExposureSpec.RootBasePath)))
        {
            throw PetardErrors.RootMappingConflict(domainName, basePath, string.Join(", ", others));
        }
    }

    private static string Shown(string basePath) => basePath == ExposureSpec.RootBasePath ? "" : basePath;
}
