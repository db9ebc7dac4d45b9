using System.Globalization;

namespace Petard.Workflows;

/// <summary>
/// Deploy a changed API as the stage's canary instead of replacing its deployment: the stage keeps
/// serving its deployment, and <see cref="Percent"/> of the requests go to the new one until it is
/// promoted or aborted. Unset <see cref="Percent"/>: a plain deploy.
/// </summary>
public sealed class CanarySpec
{
    /// <summary>The canary's share of the requests, 0.0 to 100.0; null: no canary (a plain deploy).</summary>
    public double? Percent { get; set; }

    /// <summary>
    /// Stage variables the canary sees instead of the stage's (its <c>stageVariableOverrides</c>). When set,
    /// they are the canary's complete set; when null, the canary's overrides are left as they are.
    /// </summary>
    public IDictionary<string, string>? StageVariables { get; set; }

    /// <summary>Reads a canary share written as text (an MSBuild property); blank is unset.</summary>
    /// <param name="text">The share, e.g. <c>10</c> or <c>12.5</c>, invariant culture.</param>
    /// <returns>The share, or null when blank.</returns>
    /// <exception cref="PetardException">Not a number from 0.0 to 100.0 (PETARD1040).</exception>
    public static double? ParsePercent(string? text)
    {
        var trimmed = OptionalText.Of(text);
        if (trimmed is null)
        {
            return null;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && IsShare(percent)
            ? percent
            : throw PetardErrors.CanaryPercentInvalid(trimmed);
    }

    /// <summary>Whether a canary was asked for.</summary>
    internal bool Requested => Percent is not null;

    /// <summary>Checks the share and the variables against the service's rules, before any call.</summary>
    internal void Validate()
    {
        if (Percent is { } percent && !IsShare(percent))
        {
            throw PetardErrors.CanaryPercentInvalid(percent.ToString(CultureInfo.InvariantCulture));
        }

        StageRules.ValidateVariables(StageVariables, "CanaryStageVariables");
    }

    private static bool IsShare(double percent) => double.IsFinite(percent) && percent is >= 0 and <= 100;
}
