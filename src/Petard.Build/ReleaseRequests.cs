using Petard.Workflows;

namespace Petard.Build;

/// <summary>The release tasks' flat MSBuild parameters as the core's request parts (beside <see cref="TaskRequests"/>).</summary>
internal static class ReleaseRequests
{
    public static void Canary(IReleaseParameters task, CanarySpec canary)
    {
        canary.Percent = CanarySpec.ParsePercent(task.CanaryPercent);
        canary.StageVariables = TaskRequests.NameValues(task.CanaryStageVariables, TaskErrors.CanaryVariableWithoutValue);
    }

    public static void Exposure(IReleaseParameters task, ExposureSpec exposure)
    {
        exposure.UsagePlans = task.UsagePlans?.Select(p => p.ItemSpec).ToList() ?? [];
        exposure.UsagePlanThrottles = (task.UsagePlans ?? [])
            .Where(p => !string.IsNullOrWhiteSpace(p.GetMetadata("Throttle")))
            .GroupBy(p => p.ItemSpec.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(";", g.Select(p => p.GetMetadata("Throttle"))), StringComparer.Ordinal);
        exposure.DomainName = TaskRequests.OrNull(task.DomainName);
        exposure.BasePath = TaskRequests.OrNull(task.BasePath);
    }
}
