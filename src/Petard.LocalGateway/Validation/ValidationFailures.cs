using Petard.Local.Operations;
using Petard.Model;

namespace Petard.Local.Validation;

/// <summary>
/// The failures of the service's model validation of one request, collected so that one answer
/// names them all, as the service does: "1 validation error detected: Value ..." or
/// "N validation errors detected: Value ...; Value ..." (wording and separator from the
/// customizations' <c>messages</c> table).
/// </summary>
internal sealed class ValidationFailures
{
    private readonly List<string> items = [];
    private bool missingMember;

    private static ServiceMessages Messages => ServiceRules.Default.Messages;

    /// <summary>Adds the failure worded by the message <paramref name="key"/> (one "Value ... failed to satisfy constraint" item).</summary>
    public void Add(string key, params (string Name, object Value)[] arguments) => items.Add(Messages.Format(key, arguments));

    /// <summary>Adds a required member the request left out.</summary>
    public void AddMissing(string member)
    {
        missingMember = true;
        Add("nullValue", ("member", member));
    }

    /// <summary>
    /// Throws the answer naming every failure, if there is any: a ValidationException, or the
    /// BadRequestException the emulator answers for a required member left out.
    /// </summary>
    public void ThrowIfAny()
    {
        if (items.Count > 0)
        {
            throw new GatewayException(400, missingMember ? "BadRequestException" : "ValidationException", Sentence(items));
        }
    }

    /// <summary>The service's sentence for one failure worded by <paramref name="key"/>.</summary>
    public static string Sentence(string key, params (string Name, object Value)[] arguments) =>
        Sentence([Messages.Format(key, arguments)]);

    /// <summary>The service's sentence for <paramref name="failures"/>, counted and joined.</summary>
    public static string Sentence(IReadOnlyList<string> failures) =>
        failures.Count == 1
            ? Messages.Format("oneValidationError", ("item", failures[0]))
            : Messages.Format("validationErrors", ("count", failures.Count), ("items", string.Join(Messages.Format("validationErrorSeparator"), failures)));
}
