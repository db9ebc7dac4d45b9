namespace Petard.Workflows;

/// <summary>
/// Where the stage is exposed besides its invoke URL: existing usage plans it is attached to, and a
/// custom domain's base path mapped to it. Petard attaches and maps, never detaches or deletes.
/// </summary>
public sealed class ExposureSpec
{
    /// <summary>Existing usage plans, each by id or name, the stage is attached to (after it exists); other stages of a plan stay.</summary>
    public IList<string> UsagePlans { get; set; } = [];

    /// <summary>
    /// Per-method throttles of the stage in a plan of <see cref="UsagePlans"/>, keyed by the plan's id or name as
    /// given there: entries <c>/resource/path/METHOD=rate/burst</c> separated by <c>;</c>, e.g.
    /// <c>/pets/GET=100/200;/pets/{id}/DELETE=5/10</c>. Set or updated, never removed.
    /// </summary>
    public IDictionary<string, string> UsagePlanThrottles { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>An existing custom domain name, e.g. <c>api.example.com</c>, whose <see cref="BasePath"/> is mapped to the stage.</summary>
    public string? DomainName { get; set; }

    /// <summary>The base path on <see cref="DomainName"/>, one segment such as <c>orders</c>; empty: the domain's root.</summary>
    public string? BasePath { get; set; }

    /// <summary>The usage plans given, trimmed, without blanks or repeats.</summary>
    internal IReadOnlyList<string> GivenUsagePlans => UsagePlans.Select(OptionalText.Of).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The base path as the service writes it: <c>(none)</c> for the root.</summary>
    internal string WireBasePath => OptionalText.Of(BasePath)?.Trim('/') is { Length: > 0 } path ? path : RootBasePath;

    /// <summary>The throttles declared for a plan as given in <see cref="UsagePlans"/>.</summary>
    internal IReadOnlyList<UsagePlanThrottle> ThrottlesOf(string plan) =>
        UsagePlanThrottles.TryGetValue(plan, out var text) ? UsagePlanThrottle.Parse(plan, text) : [];

    /// <summary>The service's name of the empty base path, from the shared service rules.</summary>
    internal static string RootBasePath => Model.ServiceRules.Default.NoBasePath;

    /// <summary>Checks the domain settings before any call.</summary>
    internal void Validate()
    {
        foreach (var (plan, throttle) in UsagePlanThrottles)
        {
            _ = UsagePlanThrottle.Parse(plan, throttle);
        }

        var basePath = OptionalText.Of(BasePath);
        if (OptionalText.Of(DomainName) is null)
        {
            if (basePath is not null)
            {
                throw PetardErrors.BasePathWithoutDomain(basePath);
            }

            return;
        }

        // The emulator refuses the same base paths with the same rule (REST APIs map one level).
        if (basePath is not null && !Model.ServiceRules.Default.BasePath.Accepts(basePath.Trim('/')))
        {
            throw PetardErrors.BasePathWithSlash(basePath);
        }
    }
}
