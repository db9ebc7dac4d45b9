using Petard.Model;

namespace Petard.Workflows;

/// <summary>
/// One method setting of a stage (throttling, logging, caching, metrics) for the methods it names.
/// Both front ends hand the same forms to the core, which parses them here, once.
/// </summary>
public sealed record MethodSetting
{
    /// <summary>Creates a method setting.</summary>
    /// <param name="method">
    /// The methods: <c>*/*</c> (every method; also when empty), a resource path and HTTP method as
    /// written, <c>/pets/{id}/GET</c>, or as the service escapes it, <c>~1pets~1{id}/GET</c>.
    /// </param>
    /// <param name="setting">The setting, e.g. <c>throttling/rateLimit</c> or <c>logging/loglevel</c>.</param>
    /// <param name="value">The value, e.g. <c>100</c> or <c>INFO</c>.</param>
    public MethodSetting(string? method, string setting, string value)
    {
        Method = string.IsNullOrWhiteSpace(method) ? AllMethods : method.Trim().TrimEnd('/');
        Setting = (setting ?? "").Trim().Trim('/');
        Value = value ?? "";
    }

    /// <summary>Every resource and method.</summary>
    public const string AllMethods = "*/*";

    /// <summary>The methods, as given (see the constructor).</summary>
    public string Method { get; }

    /// <summary>The setting, e.g. <c>throttling/rateLimit</c>.</summary>
    public string Setting { get; }

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <summary>The resource path part of <see cref="Method"/> as the service escapes it (<c>~1pets</c>, <c>*</c>).</summary>
    internal string EscapedResource
    {
        get
        {
            var slash = Method.LastIndexOf('/');
            var resource = slash < 0 ? "" : Method[..slash];
            return resource switch
            {
                "" or "/" => "~1",
                "*" or "/*" => "*",
                _ when resource.StartsWith("/~1", StringComparison.Ordinal) => resource[1..],
                _ when resource.StartsWith('/') => resource.Replace("/", "~1", StringComparison.Ordinal),
                _ => resource,
            };
        }
    }

    /// <summary>The HTTP method part of <see cref="Method"/> (<c>GET</c>, <c>*</c>).</summary>
    internal string HttpMethod => Method[(Method.LastIndexOf('/') + 1)..];

    /// <summary>The service's rule for <see cref="Setting"/>, or null when it has no such setting.</summary>
    internal MethodSettingRule? Rule => ServiceRules.Default.MethodSettings.Find(Setting);

    /// <summary>The <c>UpdateStage</c> patch path, e.g. <c>/~1pets/GET/throttling/rateLimit</c>.</summary>
    internal string PatchPath => $"/{EscapedResource}/{HttpMethod}/{Setting}";

    /// <summary>The key of the stage's <c>methodSettings</c> map: the unescaped path without its leading '/' and the method (<c>pets/GET</c>, <c>*/*</c>).</summary>
    internal string MethodKey => $"{EscapedResource.Replace("~1", "/", StringComparison.Ordinal).TrimStart('/')}/{HttpMethod}";

    /// <summary>
    /// Reads a whole patch path: the methods, then the setting's two segments, e.g.
    /// <c>*/*/throttling/rateLimit</c>, <c>~1pets/GET/logging/loglevel</c> or <c>/pets/GET/caching/enabled</c>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <param name="value">The value.</param>
    /// <returns>The setting; <see cref="Validate"/> tells whether the path is one the service takes.</returns>
    public static MethodSetting FromPath(string path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Trim().TrimEnd('/').Split('/');
        return parts.Length < 4
            ? new MethodSetting(path, "", value) // refused by Validate, with the path as written
            : new MethodSetting(string.Join('/', parts[..^2]), string.Join('/', parts[^2..]), value);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method}/{Setting}";

    /// <summary>Refuses, before any call, a form the service does not take, an unknown setting or a value it refuses.</summary>
    internal void Validate()
    {
        var resource = EscapedResource;
        if (Method.LastIndexOf('/') < 0 || HttpMethod.Length == 0 || (resource != "*" && !resource.StartsWith("~1", StringComparison.Ordinal)))
        {
            throw PetardErrors.InvalidMethodSettingPath(ToString());
        }

        var rule = Rule ?? throw PetardErrors.UnknownMethodSetting(ToString(), ServiceRules.Default.MethodSettings.Keys);
        if (!rule.Accepts(Value))
        {
            throw PetardErrors.MethodSettingValueInvalid(ToString(), Value, rule);
        }
    }
}
