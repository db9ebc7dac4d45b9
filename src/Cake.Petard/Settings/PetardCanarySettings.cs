using Petard.Workflows;

namespace Cake.Petard;

/// <summary>The settings of a release step on a stage's canary: the REST API and the stage.</summary>
public abstract class PetardCanarySettings : PetardRestApiSettings
{
    /// <inheritdoc cref="CanaryStageRequest.StageName"/>
    public string? StageName { get => Request.StageName; set => Request.StageName = value; }

    /// <inheritdoc />
    internal abstract override CanaryStageRequest Request { get; }
}

/// <summary>The settings of <see cref="PetardAliases.PetardPromoteCanary"/>: the core's <see cref="PromoteCanaryRequest"/>.</summary>
public sealed class PetardPromoteCanarySettings : PetardCanarySettings
{
    private readonly PromoteCanaryRequest request = new();

    /// <inheritdoc />
    internal override PromoteCanaryRequest Request => request;
}

/// <summary>The settings of <see cref="PetardAliases.PetardAbortCanary"/>: the core's <see cref="AbortCanaryRequest"/>.</summary>
public sealed class PetardAbortCanarySettings : PetardCanarySettings
{
    private readonly AbortCanaryRequest request = new();

    /// <inheritdoc />
    internal override AbortCanaryRequest Request => request;
}
