namespace Petard;

/// <summary>
/// A setting named in an error message, by its neutral name (the core request's property, e.g.
/// <c>OpenApiFile</c>); each front end shows it in its own words (<see cref="PetardException.Describe"/>).
/// </summary>
/// <param name="Name">The neutral name.</param>
internal sealed record Setting(string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
