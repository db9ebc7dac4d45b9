using System.Text.Json.Nodes;

namespace Petard.Local.DataPlane.Authorizers;

/// <summary>What a Lambda authorizer answered: who the caller is, what they may call, and the context passed on.</summary>
internal sealed record AuthorizerResult(string PrincipalId, JsonObject Policy, JsonObject Context, string? UsageIdentifierKey);
