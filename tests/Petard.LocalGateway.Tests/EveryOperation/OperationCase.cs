using System.Net;

namespace Petard.Local.Tests.EveryOperation;

/// <summary>
/// One row of the operation table: what to create first, a call the service accepts and the
/// answer it gives, and a call the service refuses with the error it answers.
/// </summary>
/// <param name="Operation">The official operation name.</param>
/// <param name="Needs">What <see cref="World"/> creates before the call.</param>
/// <param name="Valid">The parameters of the accepted call, from the created world.</param>
/// <param name="Success">The accepted call's answer.</param>
/// <param name="Invalid">The parameters of the refused call; <c>null</c> only for an operation without input.</param>
/// <param name="Refusal">The refused call's error.</param>
public sealed record OperationCase(string Operation, Needs Needs, Func<World, object?> Valid, Answer Success, Func<World, object?>? Invalid, Refusal? Refusal)
{
    public override string ToString() => Operation;
}

/// <summary>The answer of an accepted call: status code and a few fields (a value, or just present).</summary>
/// <param name="Status">The HTTP status code.</param>
public sealed record Answer(HttpStatusCode Status)
{
    /// <summary>Fields by path (<c>name</c>, <c>item[0].id</c>, <c>values.KEY</c>) and their expected text, or <c>null</c> for "present".</summary>
    public IReadOnlyList<(string Path, Func<World, string?>? Value)> Fields { get; init; } = [];

    /// <summary>Text the raw body of a blob answer contains.</summary>
    public string? BodyContains { get; init; }

    /// <summary>For the one operation the emulator does not emulate (GetSdk): the error its valid call answers.</summary>
    public Refusal? NotEmulated { get; init; }

    /// <summary>Whether the answer has an empty body (deletes, flushes, tags).</summary>
    public bool Empty { get; init; }

    public Answer With(string path, string value) => this with { Fields = [.. Fields, (path, _ => value)] };

    public Answer With(string path, Func<World, string?> value) => this with { Fields = [.. Fields, (path, value)] };

    public Answer Has(params string[] paths) => this with { Fields = [.. Fields, .. paths.Select(p => (p, (Func<World, string?>?)null))] };

    public Answer Blob(string text) => this with { BodyContains = text };
}

/// <summary>The error of a refused call: the service's error type and the gist of its message.</summary>
public sealed record Refusal(string ErrorType, string Gist);
