namespace Petard.Model;

/// <summary>The service's account-wide control-plane quota: a steady rate and a burst on top of it.</summary>
/// <param name="RequestsPerSecond">Steady requests per second across all operations.</param>
/// <param name="Burst">How many requests may go at once.</param>
internal sealed record AccountQuota(double RequestsPerSecond, int Burst);
