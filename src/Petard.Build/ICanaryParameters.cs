using Microsoft.Build.Framework;

namespace Petard.Build;

/// <summary>The parameters that deploy a changed API as the stage's canary (<c>PetardCanaryPercent</c>, <c>PetardCanaryStageVariable</c>).</summary>
internal interface ICanaryParameters
{
    /// <summary>The canary's share of the requests, 0.0 to 100.0; empty: a plain deploy.</summary>
    string? CanaryPercent { get; }

    /// <summary>The canary's stage variables: <c>Include</c> is the name, metadata <c>Value</c> the value.</summary>
    ITaskItem[]? CanaryStageVariables { get; }
}
