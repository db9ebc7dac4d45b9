namespace Petard.Build;

/// <summary>The MSBuild words for the core's settings, so an error names what the user writes in the project file.</summary>
internal static class MSBuildSettingNames
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["Variables"] = "the PetardStageVariable items",
        ["MethodSettings"] = "the PetardMethodSetting items",
        ["Triggers"] = "the PetardDeploymentTrigger items",
        ["CanaryStageVariables"] = "the PetardCanaryStageVariable items",
        ["UsagePlans"] = "the PetardUsagePlan items",
        ["UsagePlanThrottles"] = "the Throttle metadata of the PetardUsagePlan items",
        ["DeploymentId"] = "the DeploymentId parameter of PetardEnsureStage",
        ["Credentials"] = "AWS credentials",
        ["Integrations"] = "the PetardIntegration items",
        ["DocumentName"] = "PetardOpenApiDocumentName",
        ["DeployedDocumentFile"] = "the deployed document's path (PetardDeployedDocument)",
    };

    /// <summary>The MSBuild property or item for a neutral setting name: <c>OpenApiFile</c> is <c>PetardOpenApiFile</c>.</summary>
    public static string Of(string setting) => Special.GetValueOrDefault(setting) ?? "Petard" + setting;
}
