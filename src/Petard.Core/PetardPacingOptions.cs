using Petard.Model;

namespace Petard;

/// <summary>
/// Client-side pacing to API Gateway's documented control-plane quotas. Buckets are shared by every
/// client of the same <see cref="Scope"/> that talks to the same endpoint, so parallel deploys in one
/// process queue politely instead of being throttled; in the default scope, separate processes of the
/// machine (MSBuild task hosts, say) share the operations' intervals too.
/// </summary>
public sealed class PetardPacingOptions
{
    /// <summary>
    /// Whether to pace at all. <c>null</c> (the default) paces real AWS endpoints and leaves
    /// loopback emulators unpaced; <c>true</c> or <c>false</c> force it either way.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Which clients share the buckets (default: <see cref="PetardPacingScope.MachineWide"/>).</summary>
    public PetardPacingScope Scope { get; set; } = PetardPacingScope.MachineWide;

    /// <summary>Steady requests per second across all operations (the service's account quota: 10).</summary>
    public double RequestsPerSecond { get; set; } = ServiceRules.Default.AccountQuota.RequestsPerSecond;

    /// <summary>How many requests may go at once before pacing starts (the service's burst: 40).</summary>
    public int Burst { get; set; } = ServiceRules.Default.AccountQuota.Burst;

    /// <summary>The least time between two calls of one operation; by default the service's per-operation quotas (CreateDeployment's, for one).</summary>
    public IDictionary<string, TimeSpan> OperationIntervals { get; } =
        ServiceRules.Default.OperationQuotas.Values.ToDictionary(q => q.Operation, q => q.Interval, StringComparer.Ordinal);
}
