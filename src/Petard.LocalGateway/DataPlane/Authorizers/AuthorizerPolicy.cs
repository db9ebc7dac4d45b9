using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>
/// Evaluates a Lambda authorizer's IAM policy against a method ARN as the service does: an explicit
/// Deny wins, else an Allow must match; <c>Action</c> <c>execute-api:Invoke</c> (or a wildcard) and
/// <c>Resource</c> patterns with <c>*</c> and <c>?</c>.
/// </summary>
internal static class AuthorizerPolicy
{
    public enum Decision
    {
        Allow,
        ImplicitDeny,
        ExplicitDeny,
    }

    public static Decision Evaluate(JsonObject policy, string methodArn)
    {
        var allowed = false;
        foreach (var statement in OneOrMany.Items(policy["Statement"]).OfType<JsonObject>())
        {
            if (!OneOrMany.Items(statement["Action"]).Any(a => Matches(a?.ToString(), "execute-api:Invoke"))
                || !OneOrMany.Items(statement["Resource"]).Any(r => Matches(r?.ToString(), methodArn)))
            {
                continue;
            }

            switch (statement["Effect"]?.ToString())
            {
                case "Deny":
                    return Decision.ExplicitDeny;
                case "Allow":
                    allowed = true;
                    break;
            }
        }

        return allowed ? Decision.Allow : Decision.ImplicitDeny;
    }

    private static bool Matches(string? pattern, string value) =>
        pattern is not null && Regex.IsMatch(
            value,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
}
