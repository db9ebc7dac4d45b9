using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>
/// The releasing parameters of a deploy: as the stage's canary (<c>PetardCanaryPercent</c>,
/// <c>PetardCanaryStageVariable</c>), attached to usage plans (<c>PetardUsagePlan</c>), mapped on a
/// custom domain (<c>PetardDomainName</c>, <c>PetardBasePath</c>).
/// </summary>
internal interface IReleaseParameters
{
    /// <summary>The canary's share of the requests, 0.0 to 100.0; empty: a plain deploy.</summary>
    string? CanaryPercent { get; }

    /// <summary>The canary's stage variables: <c>Include</c> is the name, metadata <c>Value</c> the value.</summary>
    ITaskItem[]? CanaryStageVariables { get; }

    /// <summary>Existing usage plans, each by id or name (<c>Include</c>).</summary>
    ITaskItem[]? UsagePlans { get; }

    /// <summary>An existing custom domain name.</summary>
    string? DomainName { get; }

    /// <summary>The base path on <see cref="DomainName"/>; empty: the root.</summary>
    string? BasePath { get; }
}
