using System.Net;

namespace Petard.Local.Tests.EveryOperation;

/// <summary>The answer of an accepted call: status code and a few fields (a value, or just present).</summary>
/// <param name="Status">The HTTP status code.</param>
internal sealed record Answer(HttpStatusCode Status)
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
