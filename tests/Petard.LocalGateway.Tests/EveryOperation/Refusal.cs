namespace Petard.Local.Tests.EveryOperation;

/// <summary>The error of a refused call: the service's error type and the gist of its message.</summary>
internal sealed record Refusal(string ErrorType, string Gist);
