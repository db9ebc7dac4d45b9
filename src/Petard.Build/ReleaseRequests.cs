using Petard.Workflows;

namespace Petard.Build;

/// <summary>The release tasks' flat MSBuild parameters as the core's request parts (beside <see cref="TaskRequests"/>).</summary>
internal static class ReleaseRequests
{
    public static void Canary(ICanaryParameters task, CanarySpec canary)
    {
        canary.Percent = CanarySpec.ParsePercent(task.CanaryPercent);
        canary.StageVariables = TaskRequests.NameValues(task.CanaryStageVariables, TaskErrors.CanaryVariableWithoutValue);
    }
}
