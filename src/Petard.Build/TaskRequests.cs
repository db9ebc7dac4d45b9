using Microsoft.Build.Framework;
using Petard.Workflows;

namespace Petard.Build;

/// <summary>
/// The one place the tasks' flat MSBuild parameters become the core's request parts. MSBuild hands
/// every property over as text, where empty means unset.
/// </summary>
internal static class TaskRequests
{
    private const string ValueMetadata = "Value";

    public static PetardClientOptions ClientOptions(PetardTask task) => new()
    {
        Region = OrNull(task.Region),
        Profile = OrNull(task.Profile),
        EndpointUrl = OrNull(task.EndpointUrl),
        Pacing = new PetardPacingOptions { Enabled = SettingText.Flag(nameof(PetardTask.Pacing), task.Pacing) },
    };

    public static T Request<T>(PetardTask task, T request)
        where T : WorkflowRequest
    {
        request.RestApi.Id = OrNull(task.RestApiId);
        request.RestApi.Name = OrNull(task.RestApiName);
        request.DryRun = task.DryRun;
        request.BaseDirectory = task.ProjectDirectory;
        return request;
    }

    public static void Stage(PetardStageTask task, StageSpec stage)
    {
        stage.Name = task.StageName;
        stage.Description = OrNull(task.StageDescription);
        stage.Variables = NameValues(task.Variables, TaskErrors.VariableWithoutValue);
        stage.TracingEnabled = SettingText.Flag(nameof(StageSpec.TracingEnabled), task.TracingEnabled);
        stage.CacheClusterEnabled = SettingText.Flag(nameof(StageSpec.CacheClusterEnabled), task.CacheClusterEnabled);
        stage.CacheClusterSize = OrNull(task.CacheClusterSize);
        foreach (var item in task.MethodSettings ?? [])
        {
            stage.MethodSettings.Add(new MethodSetting(item.GetMetadata("MethodPath"), item.ItemSpec, ValueOf(item, TaskErrors.MethodSettingWithoutValue)));
        }
    }

    public static void Import(IImportParameters task, ImportSpec import)
    {
        import.OpenApiFile = OrNull(task.OpenApiFile);
        import.PutMode = SettingText.PutMode(task.PutMode);
        import.CreateRestApi = task.CreateRestApi;
        import.FailOnWarnings = task.FailOnWarnings;
    }

    public static void Deployment(IDeploymentParameters task, DeploymentSpec deployment)
    {
        deployment.Description = OrNull(task.DeploymentDescription);
        deployment.Triggers = task.Triggers?.Select(t => t.ItemSpec).ToList() ?? [];
        deployment.Force = task.ForceDeploy;
    }

    /// <summary>An empty MSBuild value as null.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Items as a name -> <c>Value</c> map (the last of a name wins); null when there are none.</summary>
    internal static Dictionary<string, string>? NameValues(ITaskItem[]? items, Func<string, PetardException> withoutValue)
    {
        if (items is null || items.Length == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            values[item.ItemSpec] = ValueOf(item, withoutValue);
        }

        return values;
    }

    private static string ValueOf(ITaskItem item, Func<string, PetardException> withoutValue) =>
        item.MetadataNames.Cast<string>().Contains(ValueMetadata, StringComparer.OrdinalIgnoreCase)
            ? item.GetMetadata(ValueMetadata)
            : throw withoutValue(item.ItemSpec);
}
