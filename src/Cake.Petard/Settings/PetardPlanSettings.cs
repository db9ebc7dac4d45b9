using Petard.Workflows;

namespace Cake.Petard;

/// <summary>
/// The settings of <see cref="PetardAliases.PetardPlan"/>: the deploy to plan, given as the very
/// <see cref="PetardDeployApiSettings"/> the script deploys with (client settings included), and
/// whether drift fails the plan. They are the core's <see cref="PlanRequest"/>.
/// </summary>
public sealed class PetardPlanSettings
{
    /// <summary>Plans the deploy <paramref name="deploy"/> describes.</summary>
    /// <param name="deploy">The deploy's settings; the plan never writes, whatever their <see cref="PetardRestApiSettings.DryRun"/>.</param>
    public PetardPlanSettings(PetardDeployApiSettings deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        Deploy = deploy;
        Request = new PlanRequest(deploy.Request);
    }

    /// <summary>The deploy that is planned.</summary>
    public PetardDeployApiSettings Deploy { get; }

    /// <inheritdoc cref="PlanRequest.FailOnDrift"/>
    public bool FailOnDrift { get => Request.FailOnDrift; set => Request.FailOnDrift = value; }

    /// <summary>The core request these settings are.</summary>
    internal PlanRequest Request { get; }
}
