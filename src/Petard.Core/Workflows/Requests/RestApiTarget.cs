namespace Petard.Workflows;

/// <summary>Which REST API to work on: by id, or by name (the id wins when both are given).</summary>
public sealed class RestApiTarget
{
    /// <summary>The REST API's id, e.g. <c>a1b2c3d4e5</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The REST API's name; exactly one API may carry it.</summary>
    public string? Name { get; set; }

    /// <summary>The id, trimmed; null when unset.</summary>
    internal string? GivenId => OptionalText.Of(Id);

    /// <summary>The name, trimmed; null when unset.</summary>
    internal string? GivenName => OptionalText.Of(Name);

    /// <summary>Refuses a target with neither an id nor a name, before any call.</summary>
    internal void Validate()
    {
        if (GivenId is null && GivenName is null)
        {
            throw PetardErrors.NoRestApi();
        }
    }
}
